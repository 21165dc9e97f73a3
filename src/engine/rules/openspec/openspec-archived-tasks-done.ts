import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { openspecPlace } from './parse.js';

/**
 * A change under `openspec/changes/archive/` is finished: every task of its `tasks.md` is
 * checked. Each open task is one finding, at its line; a list of which no task is checked
 * (never ticked off) is one finding, at its first task.
 */
export default defineRule({
  meta: {
    id: 'openspec-archived-tasks-done',
    gate: 'consistency',
    description: 'An archived OpenSpec change has no open task.',
    kinds: ['tasks'],
    families: ['openspec'],
    severity: 'error',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    const place = openspecPlace(document.path);
    if (place?.type !== 'change-file' || !place.archived) return;
    const open = document.checkboxes.filter((box) => !box.checked);
    if (open.length === 0) return;
    if (open.length === document.checkboxes.length && open.length > 1) {
      report({ line: open[0]!.line, message: `Unexpected archived change with none of its ${open.length} tasks checked, expected every task of an archived change checked (or the change back in openspec/changes/)` });
      return;
    }
    for (const box of open) {
      const text = box.text.trim().slice(0, 60);
      report({ line: box.line, message: `Unexpected open task \`${text}\` in an archived change, expected every task of an archived change checked (or the change back in openspec/changes/)` });
    }
  },
});
