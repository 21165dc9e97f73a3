import { z } from 'zod';
import { featureCoverage } from '../../report/coverage.js';
import { defineRule } from '../../rule.js';

/**
 * Every functional requirement (and every success criterion, once the tasks trace any)
 * is covered by a task: named by id, or through the user story it belongs to. Runs on the
 * tasks document and reports on the spec. Features whose tasks trace nothing are skipped:
 * without ids or story links a gap cannot be told from a different writing style.
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
    if (!coverage || !coverage.traced) return;
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
