import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { checkedClaims, describeMarkers, specWithOpenMarkers } from './claims.js';

// `- [x] Initial Constitution Check: PASS`, `- [x] Post-Design Constitution Check: PASS` (Gen-1 Gate Status), or a
// leading ✅: PASS counts only where the verdict goes, not in a note ("must pass once FR-001 is clarified").
const PASS_CLAIM = /\bConstitution Check\b[^:：→]{0,80}(?:[:：→]|->)[\s*_]{0,8}(?:✅\s{0,4})?PASS(?:ED)?\b|^[\s*_]{0,8}✅.{0,80}\bConstitution Check\b/i;

/**
 * A plan whose Gate Status records a passed Constitution Check while its spec still has
 * open clarification markers: the check passed on a spec that is not settled yet. Weaker
 * than the clarification claim (the check may be honest about what it saw), so a warning.
 */
export default defineRule({
  meta: {
    id: 'no-pass-with-open-clarifications',
    gate: 'consistency',
    description: 'A plan does not record a passed Constitution Check while its spec still has open clarification markers.',
    kinds: ['plan'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, feature, report }) {
    const open = specWithOpenMarkers(feature);
    if (!open) return;
    const { spec, markers } = open;
    for (const claim of checkedClaims(document, PASS_CLAIM)) {
      report({ line: claim.line, message: `Unexpected checked \`${claim.text.trim()}\` while the spec has ${describeMarkers(spec.path, markers)}` });
    }
  },
});
