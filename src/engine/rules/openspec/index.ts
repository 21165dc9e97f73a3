import type { Rule } from '../../rule.js';

/** The OpenSpec family's own rules (`openspec/specs/`, `openspec/changes/`), sorted by id; each names its gate. */
export const openspecRules: Rule[] = [];
