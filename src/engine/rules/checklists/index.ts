import type { Rule } from '../../rule.js';

/** The checklists gate's rules, sorted by id. */
export const checklistsRules: Rule[] = [];
