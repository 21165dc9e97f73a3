import type { Family } from '../types.js';
import type { RuleSetting } from './schema.js';

/**
 * Rule settings per document family, applied over each rule's default severity and
 * under the repository's own `rules`. A rule a family does not list keeps its default.
 */
export const PRESETS: Record<Family, Readonly<Record<string, RuleSetting>>> = {
  'speckit-gen1': {},
  'speckit-gen2': {},
  'speckit-epic': {
    // The epic plan template names both checklists as required beside the plan.
    'required-checklists-present': { options: { files: ['checklists/requirements.md', 'checklists/PlanQualityGate.md'] } },
  },
  'phased-plan': {
    // Its template marks blanks only with `[bracketed phrases]`.
    'no-placeholder-values': 'error',
  },
  'milestone-plan': {
    // Its template marks blanks only with `[bracketed phrases]`.
    'no-placeholder-values': 'error',
  },
  generic: {},
};
