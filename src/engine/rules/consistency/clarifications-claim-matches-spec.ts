import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { checkedClaims, describeMarkers, specWithOpenMarkers } from './claims.js';

/**
 * A plan's checked `All NEEDS CLARIFICATION resolved` (Gen-1 Gate Status) is a claim the
 * spec can disprove: the spec of the same feature still holds open markers in prose.
 */
export default defineRule({
  meta: {
    id: 'clarifications-claim-matches-spec',
    gate: 'consistency',
    description: 'A plan does not claim all clarifications resolved while its spec still has open markers.',
    kinds: ['plan'],
    severity: 'error',
    options: z.strictObject({}),
  },
  check({ document, feature, report }) {
    const open = specWithOpenMarkers(feature);
    if (!open) return;
    const { spec, markers } = open;
    for (const claim of checkedClaims(document, /\bAll\s+NEEDS\s+CLARIFICATION\s+(?:items?\s+)?resolved\b/i)) {
      report({ line: claim.line, message: `Unexpected checked \`All NEEDS CLARIFICATION resolved\` while the spec has ${describeMarkers(spec.path, markers)}` });
    }
  },
});
