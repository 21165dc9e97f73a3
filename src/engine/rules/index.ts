import type { Rule } from '../rule.js';
import { checklistsRules } from './checklists/index.js';
import { clarificationsRules } from './clarifications/index.js';
import { completenessRules } from './completeness/index.js';
import { consistencyRules } from './consistency/index.js';
import { constitutionRules } from './constitution/index.js';
import { kiroRules } from './kiro/index.js';
import { openspecRules } from './openspec/index.js';

/**
 * Every rule, sorted by id. Each gate's folder keeps its own list, and so does each format
 * with rules of its own (`kiro/`, `openspec/`); nothing is loaded by name.
 */
export const rules: readonly Rule[] = [
  ...checklistsRules,
  ...clarificationsRules,
  ...completenessRules,
  ...consistencyRules,
  ...constitutionRules,
  ...kiroRules,
  ...openspecRules,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
