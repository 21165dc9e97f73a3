import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { complexityTables } from './complexity-rows.js';
import { findConstitution, namesPrinciple, principles } from './read-constitution.js';

// A row that only says there is nothing to justify.
const EMPTY = /^\s*(?:none|n\/?a|-+|—|no violations?\.?|\(none\)|无|なし)?\s*$/i;

/**
 * A NON-NEGOTIABLE principle cannot be traded away: a filled Complexity Tracking row whose
 * Violation cell names one (whole name or `Principle III`) is a contradiction. Template
 * rows (`[e.g., 4th project]`) are residue, not justification, and are skipped. Translated
 * headings and the template's table kept without a heading count as Complexity Tracking.
 */
export default defineRule({
  meta: {
    id: 'non-negotiable-not-justified',
    gate: 'constitution',
    description: 'Complexity Tracking does not justify a violation of a NON-NEGOTIABLE principle.',
    kinds: ['plan'],
    severity: 'error',
    options: z.strictObject({}),
  },
  check({ document, all, constitution: configured, report }) {
    const constitution = findConstitution(all, document, configured);
    const fixed = constitution ? principles(constitution).filter((p) => p.nonNegotiable) : [];
    if (fixed.length === 0) return;
    // The Complexity Tracking tables under any of its headings (`## 复杂度追踪`) or none.
    const tables = complexityTables(document);
    for (const row of tables.flatMap((table) => table.rows)) {
      const violation = row.cells[0] ?? '';
      if (EMPTY.test(violation) || /\[e\.g\.|\[.*\]$/i.test(violation)) continue;
      for (const principle of fixed) {
        if (!namesPrinciple(violation, principle, false)) continue;
        report({
          line: row.line,
          message: `Unexpected justification of NON-NEGOTIABLE principle \`${principle.numeral}. ${principle.name}\` in Complexity Tracking, expected the plan to comply`,
        });
      }
    }
  },
});
