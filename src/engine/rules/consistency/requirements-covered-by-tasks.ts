import * as z from 'zod/mini';
import { featureCoverage } from '../../report/coverage.js';
import { defineRule } from '../../rule.js';

/**
 * Every functional requirement (and every success criterion, once the tasks trace any)
 * is covered by a task: named by id, through the user story it belongs to, or by wording (a
 * task sharing its distinctive words or code, see `wordingMatches` in trace.ts). Runs on the
 * tasks document and reports on the spec. A requirement is a gap only when it can be
 * decided: the tasks name requirements of its kind by id, or it belongs to a user story
 * with no task. Otherwise a missing link is a writing style, not a gap.
 *
 * A feature whose tasks cite no requirement id at all is untraced: the coverage table says
 * so, and the rule reports at most one finding for it, naming the requirements whose user
 * story has no task (a story left without work is a gap whatever the writing style).
 */
// Ids named in the one finding of an untraced feature.
const MAX_IDS = 5;

const options = z.strictObject({
  /**
   * Gaps of one kind (FR or SC) are findings while there are at most this many, or
   * `max-gap-share` of that kind's requirements if more. Past that, the tasks describe the
   * work in their own words rather than miss it: the coverage table shows the gaps, and read
   * on real repositories most of them were covered in words the rule cannot see.
   */
  'max-gaps': z._default(z.int().check(z.minimum(0)), 2),
  'max-gap-share': z._default(z.number().check(z.minimum(0), z.maximum(1)), 0.1),
});

export default defineRule({
  meta: {
    id: 'requirements-covered-by-tasks',
    gate: 'consistency',
    description: 'Every requirement of a traced feature is covered by a task: by id, through its user story or in its wording.',
    kinds: ['tasks'],
    severity: 'warning',
    options,
  },
  check({ feature, options: limits, report }) {
    const coverage = featureCoverage(feature);
    if (!coverage) return;
    const gaps = coverage.rows.filter((row) => row.via === 'none');
    if (coverage.traced === false) {
      if (gaps.length === 0) return;
      const ids = gaps.slice(0, MAX_IDS).map((row) => `\`${row.id}\``).join(', ');
      const more = gaps.length > MAX_IDS ? ` and ${gaps.length - MAX_IDS} more` : '';
      report({
        path: coverage.spec,
        line: gaps[0]!.line,
        message: `Missing tasks for the user stories of ${ids}${more}, expected a task in \`${coverage.tasks}\` labelled with or placed under each story`,
      });
      return;
    }
    const decided = new Set((['FR', 'SC'] as const).filter((kind) => {
      const own = coverage.rows.filter((row) => row.id.startsWith(`${kind}-`) && row.via !== 'exempt');
      const open = own.filter((row) => row.via === 'none').length;
      return open <= Math.max(limits['max-gaps'], Math.ceil(limits['max-gap-share'] * own.length));
    }));
    for (const row of gaps) {
      if (!decided.has(row.id.slice(0, 2) as 'FR' | 'SC')) continue;
      report({
        path: coverage.spec,
        line: row.line,
        message: `Missing task for \`${row.id}\`, expected a task in \`${coverage.tasks}\` naming it or its user story, or sharing its distinctive words`,
      });
    }
  },
});

