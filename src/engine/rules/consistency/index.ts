import type { Rule } from '../../rule.js';
import branchMatchesFolder from './branch-matches-folder.js';
import clarificationsClaimMatchesSpec from './clarifications-claim-matches-spec.js';
import doneTaskFilesExist from './done-task-files-exist.js';
import doneTaskFoldersExist from './done-task-folders-exist.js';
import doneTasksHaveClosedChecklists from './done-tasks-have-closed-checklists.js';
import featureNumbersUnique from './feature-numbers-unique.js';
import noDuplicateRequirements from './no-duplicate-requirements.js';
import noMachinePaths from './no-machine-paths.js';
import noPassWithOpenClarifications from './no-pass-with-open-clarifications.js';
import planHasSpec from './plan-has-spec.js';
import planSpecLinkResolves from './plan-spec-link-resolves.js';
import progressClaimsHaveArtifacts from './progress-claims-have-artifacts.js';
import requirementsCoveredByTasks from './requirements-covered-by-tasks.js';
import statusClaimsMatchTasks from './status-claims-match-tasks.js';
import taskReferencesExist from './task-references-exist.js';
import userStoriesHaveAcceptanceScenarios from './user-stories-have-acceptance-scenarios.js';

/** The consistency gate's rules, sorted by id. */
export const consistencyRules: Rule[] = [
  branchMatchesFolder,
  clarificationsClaimMatchesSpec,
  doneTaskFilesExist,
  doneTaskFoldersExist,
  doneTasksHaveClosedChecklists,
  featureNumbersUnique,
  noDuplicateRequirements,
  noMachinePaths,
  noPassWithOpenClarifications,
  planHasSpec,
  planSpecLinkResolves,
  progressClaimsHaveArtifacts,
  requirementsCoveredByTasks,
  statusClaimsMatchTasks,
  taskReferencesExist,
  userStoriesHaveAcceptanceScenarios,
];
