import type { Rule } from '../../rule.js';

/** The Kiro family's own rules (`.kiro/specs/<feature>/`), sorted by id; each names its gate. */
export const kiroRules: Rule[] = [];
