import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { openGates } from './open-gates.js';

/**
 * A gate left PENDING, PARTIAL, CONDITIONAL, DEFERRED, ⚠️ or as an unchecked box is not a
 * violation yet, but nobody has confirmed it either. A plan may legitimately carry one while
 * research is under way, hence a warning; a Complexity Tracking row or an inline
 * "justified"/"deliberately" settles it.
 */
export default defineRule({
  meta: {
    id: 'constitution-gates-verified',
    gate: 'constitution',
    description: 'No constitution gate is left pending or partial without a justification.',
    kinds: ['plan'],
    families: ['speckit-gen1', 'speckit-gen2', 'speckit-epic', 'generic'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    const { gates, tracking } = openGates(document, 'unverified');
    const where = tracking ? 'a filled row in `Complexity Tracking`' : 'a `## Complexity Tracking` row';
    for (const gate of gates) {
      report({
        line: gate.line,
        message: `Unexpected unverified constitution gate, expected it confirmed or justified in ${where}`,
      });
    }
  },
});
