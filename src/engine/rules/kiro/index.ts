import type { Rule } from '../../rule.js';
import kiroBugfixSections from './kiro-bugfix-sections.js';
import kiroCitationsResolve from './kiro-citations-resolve.js';
import kiroCriteriaCovered from './kiro-criteria-covered.js';
import kiroCriteriaEars from './kiro-criteria-ears.js';
import kiroDesignSections from './kiro-design-sections.js';
import kiroParentTaskDone from './kiro-parent-task-done.js';
import kiroRequirementParts from './kiro-requirement-parts.js';

/** The Kiro family's own rules (`.kiro/specs/<feature>/`), sorted by id; each names its gate. */
export const kiroRules: Rule[] = [
  kiroBugfixSections,
  kiroCitationsResolve,
  kiroCriteriaCovered,
  kiroCriteriaEars,
  kiroDesignSections,
  kiroParentTaskDone,
  kiroRequirementParts,
];
