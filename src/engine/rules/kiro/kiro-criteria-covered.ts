import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { citations, kiroRequirements, kiroTasks, requirementsOf, taskAt } from './parse.js';

/** Every acceptance criterion of a Kiro spec is cited by some task of its tasks.md. */
export default defineRule({
  meta: {
    id: 'kiro-criteria-covered',
    gate: 'consistency',
    description: 'Every Kiro acceptance criterion is cited by some task (`_Requirements: X.Y_` or `**Validates: Requirements X.Y**`).',
    kinds: ['tasks'],
    families: ['kiro'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, feature, report }) {
    const spec = requirementsOf(feature);
    if (!spec) return;
    const tasks = kiroTasks(document);
    const cited = new Set(citations(document).filter((c) => taskAt(tasks, c.line)).map((c) => c.id));
    const criteria = kiroRequirements(spec).flatMap((r) => r.criteria);
    if (criteria.length === 0) return;
    if (cited.size === 0) {
      report({ line: 1, message: `Unexpected tasks citing no criterion of ${spec.path}, expected \`_Requirements: X.Y_\` under each task naming the criteria it meets` });
      return;
    }
    for (const criterion of criteria) {
      if (cited.has(criterion.id)) continue;
      report({ path: spec.path, line: criterion.line, message: `Unexpected criterion ${criterion.id} cited by no task of ${document.path}, expected a task with \`_Requirements: ${criterion.id}_\`` });
    }
  },
});
