import type { Rule } from '../../rule.js';

/** The constitution gate's rules, sorted by id. */
export const constitutionRules: Rule[] = [];
