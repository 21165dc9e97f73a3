import type { Rule } from '../../rule.js';

/** The clarifications gate's rules, sorted by id. */
export const clarificationsRules: Rule[] = [];
