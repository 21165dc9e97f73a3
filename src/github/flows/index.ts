/**
 * The use cases the App and the Action share: each a function of plain event data and a
 * {@link FlowPort} the shell provides, returning what happened for the shell to present.
 * The shells import this folder only, never the rest of src/github. (The App's worker pool
 * is ./evaluate-pool.ts, left out here so the Action's bundle never loads it.)
 */
export { gatePullRequest, gateOpenPullRequests, type GatePullRequestInput } from './gate-pull-request.js';
export { gateMergeGroup, queuedPullRequests, type GateMergeGroupInput } from './gate-merge-group.js';
export type { GateResult } from './gate-commit.js';
export { runCommands, type CommentInput, type CommandsResult } from './run-commands.js';
export { closeResolved, type CloseResolvedInput, type CloseResolvedResult } from './close-resolved.js';
export { closeAbandoned, type CloseAbandonedInput, type CloseAbandonedResult } from './close-abandoned.js';
export { WriteGuard, isForbidden, type WritePolicy, type WriteKind } from './write-guard.js';
export { inlineEvaluator, gateDocuments, markerKeysOf, type Evaluator, type GateInput, type GateOutput } from './evaluate.js';
export { readConfigChain, loadConfigData } from './read-config.js';
export { RETRY_POLICY, REQUEST_TIMEOUT_MS, timedFetch } from './octokit-policy.js';
export { CONFIG_PATH } from '../read/config.js';
export type { FlowPort, FlowLog, LoadedConfig, RepoInput } from './ports.js';
export { inProcessLock, createInProcessLock, headKey, type HeadLock } from './serialize.js';
export type { GitHubClient } from '../client.js';
export type { Waiver } from '../commands/waivers.js';
export { limitConfigFile, ConfigFileTooLargeError } from './limit-config-file.js';
export { appBotLogin } from './bot-login.js';
export { applyWaivers, describeWaivers } from './apply-waivers.js';
export { decideChecks, readOnlyNote, isInstallationToken, type ChecksDecision, type CheckRunsMode } from './decide-checks.js';
export { resolveJob, payloadRepo, PayloadError, type Job, type EventInput } from './event-job.js';
export { runJob, type JobResult, type PushPolicy } from './run-job.js';
export {
  sweepStaleRuns, SweepSchedule, STALE_REASON, DEFAULT_STALE_AFTER_MS, DEFAULT_SWEEP_EVERY_MS, DEFAULT_SWEEP_PULLS, type SweepOptions, type SweepResult,
} from './sweep-stale.js';
export { DEFAULT_GATING_DEADLINE_MS } from './conclude.js';
