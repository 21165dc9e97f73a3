import type { Rule } from '../../rule.js';
import constitutionAmendmentRecorded from './constitution-amendment-recorded.js';
import constitutionPrinciplesAddressed from './constitution-principles-addressed.js';
import constitutionVersionCurrent from './constitution-version-current.js';
import nonNegotiableNotJustified from './non-negotiable-not-justified.js';

/** The constitution gate's rules, sorted by id. */
export const constitutionRules: Rule[] = [
  constitutionAmendmentRecorded,
  constitutionPrinciplesAddressed,
  constitutionVersionCurrent,
  nonNegotiableNotJustified,
];
