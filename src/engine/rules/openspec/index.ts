import type { Rule } from '../../rule.js';
import openspecArchivedTasksDone from './openspec-archived-tasks-done.js';
import openspecChangeHasDeltas from './openspec-change-has-deltas.js';
import openspecDeltaTargetExists from './openspec-delta-target-exists.js';
import openspecModifiedKeepsScenarios from './openspec-modified-keeps-scenarios.js';
import openspecProposalSections from './openspec-proposal-sections.js';
import openspecPurposeWritten from './openspec-purpose-written.js';
import openspecRemovedReason from './openspec-removed-reason.js';
import openspecRenamedFromTo from './openspec-renamed-from-to.js';
import openspecRequirementConflicts from './openspec-requirement-conflicts.js';
import openspecRequirementHasScenario from './openspec-requirement-has-scenario.js';
import openspecRequirementShall from './openspec-requirement-shall.js';
import openspecScenarioSteps from './openspec-scenario-steps.js';
import openspecSpecSections from './openspec-spec-sections.js';
import openspecTaskNumbering from './openspec-task-numbering.js';

/** The OpenSpec family's own rules (`openspec/specs/`, `openspec/changes/`), sorted by id; each names its gate. */
export const openspecRules: Rule[] = [
  openspecArchivedTasksDone,
  openspecChangeHasDeltas,
  openspecDeltaTargetExists,
  openspecModifiedKeepsScenarios,
  openspecProposalSections,
  openspecPurposeWritten,
  openspecRemovedReason,
  openspecRenamedFromTo,
  openspecRequirementConflicts,
  openspecRequirementHasScenario,
  openspecRequirementShall,
  openspecScenarioSteps,
  openspecSpecSections,
  openspecTaskNumbering,
];
