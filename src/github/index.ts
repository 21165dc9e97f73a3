/**
 * specgate's GitHub layer, shared by the App and the Action. Every function takes a
 * {@link GitHubClient} (Probot's `context.octokit` or `@actions/github`'s `getOctokit()`)
 * and plain data; nothing here knows about Probot or Actions. State lives in GitHub only:
 * check runs by name and head SHA, issues by hidden marker, waivers in the bot's comments.
 */
export { rest, listAll, sleep, type GitHubClient, type RepoRef } from './client.js';
export {
  getPullRequest, findPullRequestsForSha, listChangedFiles, compareCommits, toPullRequestInfo,
  type PullRequestInfo, type ChangedFile,
} from './read/pull-request.js';
export { fetchObjects, BATCH_SIZE, type ObjectRequest, type ObjectResult, type BlobContent } from './read/blobs.js';
export { readDocuments, hasSpecFolders, type ReadDocumentsInput, type PullRequestDocuments } from './read/documents.js';
export { readConfigText, CONFIG_PATH } from './read/config.js';
export { readTree, TRUNCATED_TREE_NOTE, type RepositoryTree } from './read/tree.js';
export {
  CHECK_NAME, SUMMARY_LIMIT, gateCheckName, planChecks, toAnnotation,
  type CheckOutcome, type CheckPlan, type CheckConclusion, type Annotation, type RequestedAction,
} from './checks/plan.js';
export {
  listCheckRuns, startCheck, publishChecks, failCheck, supersedeCheck, ANNOTATION_BATCH,
  type ExistingRun, type CheckTarget, type PublishResult,
} from './checks/publish.js';
export { collectMarkers, markerKey, normaliseQuestion, type ClarificationMarker } from './issues/markers.js';
export { listClarificationIssues, encodeMeta, decodeMeta, replaceMeta, safeJson, type TrackedIssue, type IssueMeta } from './issues/tracked.js';
export { syncClarificationIssues, closePullRequestIssues, closeIssue, type IssueSettings, type SyncInput, type SyncResult } from './issues/sync.js';
export { issueTitle, issueBody, ISSUE_TITLE_LIMIT, ISSUE_BODY_LIMIT, type IssueContext } from './issues/render.js';
export { parseCommands, readCommands, HELP_TEXT, MAX_COMMENT_LENGTH, type Command, type ReadCommands } from './commands/parse.js';
export {
  planCommands, runPlan, MAX_COMMANDS_PER_COMMENT, MAX_REASON_LENGTH, MAX_NAME_LENGTH, MAX_REPLY_LENGTH,
  type CommandPlan, type CommandOutcome,
} from './commands/plan-commands.js';
export { getRole, roleOf, canWaive, type Role } from './commands/permission.js';
export {
  readWaivers, recordWaiver, waiverBody, decodeWaiver, isGate, WAIVER_REASON_MAX, type Waiver, type WaiverRecord,
} from './commands/waivers.js';
export { explainReply, unknownCommandReply, refusalReply } from './commands/replies.js';
export { issueSettings } from './settings.js';
