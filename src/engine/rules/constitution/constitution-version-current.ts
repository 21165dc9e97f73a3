import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { lastAmended, outdatedCitations, planDate, principleNames, unaddressedPrinciples } from './plan-against-constitution.js';
import { findConstitution, versionOf } from './read-constitution.js';

/**
 * A plan checked against an earlier constitution: it cites a version older than the
 * repository's current one, or it is dated before the constitution's last amendment and
 * leaves principles of the current constitution unaddressed. One finding per plan (per
 * outdated version cited), naming the principles it does not address, so that the plan is
 * re-checked once rather than reported principle by principle. Weak evidence at best
 * (templates hard-code versions), so a warning, and the untouched Gen-1 footer is not
 * reported at all.
 */
export default defineRule({
  meta: {
    id: 'constitution-version-current',
    gate: 'constitution',
    description: 'A plan was checked against the current constitution, not an older version of it.',
    kinds: ['plan'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, all, constitution: configured, report }) {
    const constitution = findConstitution(all, document, configured);
    const current = constitution && versionOf(constitution);
    if (!current) return;
    const check = unaddressedPrinciples(document, constitution);
    const unaddressed = check && check.missing.length > 0 ? `; it does not address ${principleNames(check.missing)}` : '';
    const citations = outdatedCitations(document, current.version);
    for (const [cited, lines] of citations) {
      const also = lines.length > 1 ? ` (cited at lines ${lines.join(', ')})` : '';
      report({
        line: lines[0]!,
        message: `Unexpected constitution version \`${cited}\`${also}${unaddressed}, expected the current \`${current.version}\` of \`${constitution.path}\``,
      });
    }
    if (citations.size > 0 || !check || check.missing.length === 0) return;
    const amended = lastAmended(constitution);
    const date = planDate(document);
    if (amended === undefined || date === undefined || date >= amended) return;
    report({
      line: check.line,
      message: `Unexpected Constitution Check older than the constitution: the plan (${date}) predates its last amendment (${amended}, \`${current.version}\`)${unaddressed}, expected it re-checked against \`${current.version}\` of \`${constitution.path}\``,
    });
  },
});
