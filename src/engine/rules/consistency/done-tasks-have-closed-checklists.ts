import { z } from 'zod';
import { defineRule } from '../../rule.js';
import { isOpen } from '../checklists/checklist-summary.js';
import { taskItems } from './trace.js';

/**
 * spec-kit's implement step starts only when every checklist of the feature is complete;
 * tasks marked done while a checklist still has open items skipped that gate. One finding
 * per open checklist, at the first done task.
 */
export default defineRule({
  meta: {
    id: 'done-tasks-have-closed-checklists',
    gate: 'consistency',
    description: 'Tasks are not marked done while a checklist of the feature still has open items.',
    kinds: ['tasks'],
    severity: 'warning',
    options: z.object({}).strict(),
  },
  check({ document, feature, report }) {
    const done = taskItems(document).find((task) => task.checked);
    if (!done) return;
    const checklists = feature.filter((other) => other.kind === 'checklist').sort((a, b) => a.path.localeCompare(b.path));
    for (const checklist of checklists) {
      // A legend (`- [ ] Not started`) explains the marks; it is not an item left open.
      const open = checklist.checkboxes.filter((box) => box.mark === ' ' && isOpen(box));
      if (open.length === 0) continue;
      report({
        line: done.line,
        message: `Unexpected done task \`${done.name}\` while \`${checklist.path}\` has ${open.length} open item${open.length === 1 ? '' : 's'} (first at line ${open[0]!.line})`,
      });
    }
  },
});
