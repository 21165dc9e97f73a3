import type { Rule } from '../../rule.js';
import completedPlanBoxesChecked from './completed-plan-boxes-checked.js';
import domainChecklistsComplete from './domain-checklists-complete.js';
import gateChecklistsComplete from './gate-checklists-complete.js';
import requiredChecklistsPresent from './required-checklists-present.js';

/** The checklists gate's rules, sorted by id. */
export const checklistsRules: Rule[] = [
  completedPlanBoxesChecked,
  domainChecklistsComplete,
  gateChecklistsComplete,
  requiredChecklistsPresent,
];
