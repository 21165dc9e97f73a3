import { z } from 'zod';
import { featureCoverage } from '../../report/coverage.js';
import { defineRule } from '../../rule.js';

/**
 * Every functional requirement (and every success criterion, once the tasks trace any)
 * is covered by a task: named by id, or through the user story it belongs to. Runs on the
 * tasks document and reports on the spec. A requirement is a gap only when it can be
 * decided: the tasks name requirements of its kind by id, or it belongs to a user story
 * with no task. Otherwise a missing link is a writing style, not a gap.
 */
export default defineRule({
  meta: {
    id: 'requirements-covered-by-tasks',
    gate: 'consistency',
    description: 'Every requirement of a traced feature is covered by a task, by id or through its user story.',
    kinds: ['tasks'],
    severity: 'warning',
    options: z.object({}).strict(),
  },
  check({ feature, report }) {
    const coverage = featureCoverage(feature);
    if (!coverage) return;
    for (const row of coverage.rows) {
      if (row.via !== 'none') continue;
      report({
        path: coverage.spec,
        line: row.line,
        message: `Missing task for \`${row.id}\`, expected a task in \`${coverage.tasks}\` naming it or its user story`,
      });
    }
  },
});
