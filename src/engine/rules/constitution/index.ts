import type { Rule } from '../../rule.js';
import complexityTrackingNoTemplateRows from './complexity-tracking-no-template-rows.js';
import constitutionAmendmentRecorded from './constitution-amendment-recorded.js';
import constitutionCheckFilled from './constitution-check-filled.js';
import constitutionCheckPresent from './constitution-check-present.js';
import constitutionGatesVerified from './constitution-gates-verified.js';
import constitutionNoDeferredValues from './constitution-no-deferred-values.js';
import constitutionNoPlaceholders from './constitution-no-placeholders.js';
import constitutionNonNegotiableAddressed from './constitution-non-negotiable-addressed.js';
import constitutionPrinciplesAddressed from './constitution-principles-addressed.js';
import constitutionVersionCurrent from './constitution-version-current.js';
import constitutionVersionLine from './constitution-version-line.js';
import constitutionViolationsJustified from './constitution-violations-justified.js';
import constitutionsAgree from './constitutions-agree.js';
import gateStatusComplete from './gate-status-complete.js';
import nonNegotiableNotJustified from './non-negotiable-not-justified.js';

/** The constitution gate's rules, sorted by id. */
export const constitutionRules: Rule[] = [
  complexityTrackingNoTemplateRows,
  constitutionAmendmentRecorded,
  constitutionCheckFilled,
  constitutionCheckPresent,
  constitutionGatesVerified,
  constitutionNoDeferredValues,
  constitutionNoPlaceholders,
  constitutionNonNegotiableAddressed,
  constitutionPrinciplesAddressed,
  constitutionVersionCurrent,
  constitutionVersionLine,
  constitutionViolationsJustified,
  constitutionsAgree,
  gateStatusComplete,
  nonNegotiableNotJustified,
];
