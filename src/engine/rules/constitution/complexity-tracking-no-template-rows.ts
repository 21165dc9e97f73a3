import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import type { Document } from '../../types.js';
import { readComplexityRows } from './complexity-rows.js';

/**
 * Rows still reading `[e.g., 4th project] | [current need] | ...` are template residue: harmless
 * when nothing needs justifying, but they read as violations and are no justification.
 */
export default defineRule({
  meta: {
    id: 'complexity-tracking-no-template-rows',
    gate: 'constitution',
    description: 'Complexity Tracking holds no rows left over from the template.',
    kinds: ['plan'],
    families: ['speckit-gen1', 'speckit-gen2', 'speckit-epic', 'generic'],
    severity: 'warning',
    options: z.strictObject({}),
    residue: true,
  },
  check({ document, report }) {
    for (const line of readComplexityRows(document).residue) {
      report({
        line,
        message: `Unexpected template row \`${firstCell(document, line)}\` in Complexity Tracking, expected a real deviation or no row`,
      });
    }
  },
});

function firstCell(document: Document, line: number): string {
  for (const table of document.tables) {
    const row = table.rows.find((candidate) => candidate.line === line);
    if (row) return row.cells[0] ?? '';
  }
  return '';
}
