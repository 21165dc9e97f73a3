import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { KINDS } from '../../types.js';

/**
 * An inline suppression (`<!-- specgate-disable-next-line rule-id -- reason -->`, or a
 * `specgate-disable` … `specgate-enable` pair) says why and names rules that exist: a
 * suppression is an audit trail, and one that cannot be read as one is itself a finding.
 */
export default defineRule({
  meta: {
    id: 'valid-suppression',
    gate: 'completeness',
    description: 'Inline suppression comments give a reason and name known rules.',
    kinds: KINDS,
    severity: 'warning',
    options: z.strictObject({}),
  },
  check() {
    // The engine reports this rule's findings while applying the suppressions (src/engine/suppress.ts).
  },
});
