import type { Family } from '../types.js';
import type { RuleSetting } from './schema.js';

/**
 * Rule settings per document family, applied over each rule's default severity and
 * under the repository's own `rules`. A rule a family does not list keeps its default.
 */
export const PRESETS: Record<Family, Readonly<Record<string, RuleSetting>>> = {
  'speckit-gen1': {},
  'speckit-gen2': {},
  'speckit-epic': {},
  'phased-plan': {},
  'milestone-plan': {},
  generic: {},
};
