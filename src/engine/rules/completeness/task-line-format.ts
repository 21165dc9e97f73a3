import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';

// spec-kit: `- [ ] T001 [P] [US1] Description`. The parser has already removed the box and bold.
const TASK = /^T(\d+)\b:?\s*((?:\[[^\]]*\]\s*)*)(.*)$/;

/**
 * Task lines follow spec-kit's format: an id of three or more digits, then optional `[P]`
 * and `[USn]` labels in either order (`[P] [US1]` and `[US1] [P]` are one format), then a
 * description. Checked only in `tasks` documents.
 */
export default defineRule({
  meta: {
    id: 'task-line-format',
    gate: 'completeness',
    description: 'Task lines read `- [ ] T001 [P] [US1] Description`, labels in either order.',
    kinds: ['tasks'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    const short: Array<{ id: string; line: number }> = [];
    for (const box of document.checkboxes) {
      const match = TASK.exec(box.text);
      if (!match) continue;
      if (match[1]!.length < 3) {
        short.push({ id: `T${match[1]!}`, line: box.line });
        continue;
      }
      const problem = describe(match[1]!, match[3]!);
      if (problem) report({ line: box.line, message: problem });
    }
    // A short numbering is usually a whole file's convention: one finding, not one per task.
    if (short.length > 0) {
      const ids = short.slice(0, 3).map((s) => `\`${s.id}\``).join(', ');
      report({ line: short[0]!.line, message: `Unexpected ${short.length} task ids with fewer than three digits (${ids}), expected ids like \`T001\`` });
    }
  },
});

function describe(digits: string, description: string): string | undefined {
  if (description.trim() === '') return `Missing description in task \`T${digits}\`, expected \`T${digits} [P] [US1] Description\``;
  return undefined;
}
