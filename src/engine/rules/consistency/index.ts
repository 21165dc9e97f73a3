import type { Rule } from '../../rule.js';

/** The consistency gate's rules, sorted by id. */
export const consistencyRules: Rule[] = [];
