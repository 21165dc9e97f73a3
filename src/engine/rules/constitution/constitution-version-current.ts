import { z } from 'zod';
import { defineRule } from '../../rule.js';
import { compareVersions, findConstitution, versionOf } from './read-constitution.js';

const CITED = /\bConstitution\b[^|\n]{0,20}?\bv(?:ersion)?\s*(?:[:：]\s*)?(\d+\.\d+(?:\.\d+)?)\b/gi;
// The Gen-1 template hard-coded this footer, so it proves nothing about the version checked.
const TEMPLATE_FOOTER = /Based on Constitution v2\.1\.1\s*-\s*See\s+\/memory\/constitution\.md/i;

/**
 * A plan that cites a constitution version older than the repository's current one was
 * checked against superseded principles. Weak evidence at best (templates hard-code
 * versions), so a warning, and the untouched Gen-1 footer is not reported at all.
 */
export default defineRule({
  meta: {
    id: 'constitution-version-current',
    gate: 'constitution',
    description: 'A plan does not cite a constitution version older than the current one.',
    kinds: ['plan'],
    severity: 'warning',
    options: z.object({}).strict(),
  },
  check({ document, all, report }) {
    const constitution = findConstitution(all, document);
    const current = constitution && versionOf(constitution);
    if (!current) return;
    // One finding per outdated version, at its first citation: a plan that repeats the version
    // in its header and its footer was checked against old principles once.
    const citations = new Map<string, number[]>();
    document.prose.forEach((text, index) => {
      if (TEMPLATE_FOOTER.test(text)) return;
      for (const match of text.matchAll(CITED)) {
        const cited = match[1]!;
        // `Constitution updated: v1.0.0 → v1.1.0` records a change; the old version is history.
        if (/^\s*(?:→|->|=>|to)\s*v?\d/.test(text.slice((match.index ?? 0) + match[0].length))) continue;
        if (compareVersions(cited, current.version) >= 0) continue;
        const lines = citations.get(cited) ?? [];
        if (!lines.includes(index + 1)) lines.push(index + 1);
        citations.set(cited, lines);
      }
    });
    for (const [cited, lines] of citations) {
      const also = lines.length > 1 ? ` (cited at lines ${lines.join(', ')})` : '';
      report({
        line: lines[0]!,
        message: `Unexpected constitution version \`${cited}\`${also}, expected the current \`${current.version}\` of \`${constitution.path}\``,
      });
    }
  },
});
