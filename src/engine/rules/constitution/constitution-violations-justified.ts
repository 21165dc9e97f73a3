import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { openGates } from './open-gates.js';

/**
 * spec-kit: "If violations exist: Document in Complexity Tracking"; the epic template: a gate
 * not satisfied without justification leaves the plan BLOCKED. A failing gate (❌, FAIL,
 * VIOLATION, NEEDS REVIEW) needs a filled Complexity Tracking row; the template's
 * `[e.g., 4th project]` rows do not count.
 */
export default defineRule({
  meta: {
    id: 'constitution-violations-justified',
    gate: 'constitution',
    description: 'Every failing constitution gate is justified in Complexity Tracking.',
    kinds: ['plan'],
    families: ['speckit-gen1', 'speckit-gen2', 'speckit-epic', 'generic'],
    severity: 'error',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    const { gates, tracking } = openGates(document, 'fail');
    const where = tracking ? 'a filled row in `Complexity Tracking`' : 'a `## Complexity Tracking` row';
    for (const gate of gates) {
      report({
        line: gate.line,
        message: `Missing justification for a failing constitution gate, expected ${where} (violation, why needed, simpler alternative rejected because)`,
      });
    }
  },
});
