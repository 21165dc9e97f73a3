import { evaluate, isGated, type Config, type Report } from '../../engine/index.js';
import type { CheckOutcome } from '../checks/plan.js';
import {
  failCheck, listCheckRuns, publishChecks, startCheck, supersedeCheck, type CheckTarget, type ExistingRun, type PublishResult,
} from '../checks/publish.js';
import type { Waiver } from '../commands/waivers.js';
import type { SyncResult } from '../issues/sync.js';
import { hasSpecFolders } from '../read/documents.js';
import type { ChangedFile } from '../read/pull-request.js';
import { boundedPort, CONCLUDE_BOUND_MS, DEFAULT_GATING_DEADLINE_MS, GitHubStepError, labelled, startDeadline, type Deadline } from './conclude.js';

/** The step that lists the runs on a commit. */
export const LIST_STEP = 'reading the check runs';
import type { FlowPort, LoadedConfig, RepoInput } from './ports.js';

/** What gating one commit (a pull request head or a merge group) came to. */
export type GateResult =
  /** The repository never opted in (no config, no spec folders): nothing written. */
  | { kind: 'silent'; headSha: string }
  /** The commit is no longer the pull request's head: its runs were closed as superseded. */
  | { kind: 'superseded'; headSha: string; newHead: string }
  | {
    kind: 'gated'; headSha: string; outcome: Exclude<CheckOutcome, { kind: 'error' }>;
    /** The engine's report before waivers (an empty one when no document changed; none for an invalid config). */
    report?: Report; waivers: readonly Waiver[]; checks?: PublishResult; issues?: SyncResult; notes: readonly string[];
  }
  /** Something failed: the aggregate run was concluded as failed with `reason`. */
  | { kind: 'failed'; headSha: string; error: unknown; reason: string; notes: readonly string[] };

/** The check target of a commit, with the runs already on it. */
export type GateTarget = CheckTarget & { existing: Map<string, ExistingRun> };

/** The target for `headSha`, with the port's details link. */
export function gateTarget(port: FlowPort, repo: { owner: string; repo: string }, headSha: string, existing: Map<string, ExistingRun>): GateTarget {
  return { octokit: port.octokit, owner: repo.owner, repo: repo.repo, headSha, existing, ...(port.detailsUrl ? { detailsUrl: port.detailsUrl } : {}) };
}

/**
 * Whether a repository without config never opted in: no run on the commit, no spec document
 * changed, no spec folder at the base. The one read here (the spec folders) counts as a step.
 */
export async function neverOptedIn(port: FlowPort, target: GateTarget, read: { loaded: LoadedConfig; changed: readonly ChangedFile[]; baseSha: string; deadline: Deadline }): Promise<boolean> {
  if (read.loaded.state !== 'missing' || target.existing.size > 0) return false;
  if (read.changed.some((file) => isGated(file.path, read.loaded.config))) return false;
  return !(await read.deadline.step('reading the spec folders', hasSpecFolders({ ...target, ref: read.baseSha, config: read.loaded.config })));
}

/** Whether the opt-in rule is settled in favour of gating by what the first reads returned: a config, or specgate runs on the commit. */
export function optedInByReads(loaded: LoadedConfig, existing: Map<string, ExistingRun>): boolean {
  return loaded.state !== 'missing' || existing.size > 0;
}

/** The aggregate run of one gating: opened as soon as the opt-in rule allows, always concluded. */
export interface AggregateRun {
  readonly deadline: Deadline;
  /** The commit's target, once the runs on it were listed. */
  readonly target: GateTarget | undefined;
  readonly opened: boolean;
  /** Shows `specgate` in progress on the target (reusing the run there); a refused or failed create is logged, the gating goes on. */
  open(target: GateTarget): Promise<void>;
}

function aggregateRun(port: FlowPort, headSha: string, deadline: Deadline): AggregateRun {
  let target: GateTarget | undefined;
  let opened = false;
  return {
    deadline,
    get target() {
      return target;
    },
    get opened() {
      return opened;
    },
    async open(given) {
      target = given;
      opened = true;
      try {
        await publishWrite(port, () => startCheck(given), 'creating the check run');
      } catch (error) {
        // The final publish creates the runs; failing here would only lose the result.
        port.log.warn({ err: error, sha: headSha }, 'specgate could not show its check in progress; the result is published at the end');
      }
    },
  };
}

/**
 * Gates one commit under a deadline and always concludes its `specgate` run.
 *
 * Order (the opt-in rule decides when the run may appear): every read starts at once; as
 * soon as the config and the runs on the commit are read (and, for a pull request, the PR
 * itself, which says whether the head moved on), a repository that has a config or already
 * a specgate run gets `specgate` in progress on the payload's head SHA, before the files,
 * comments and documents arrive. A repository without config is gated only when a changed
 * file or a spec folder says it opted in; until then nothing is written, so one that never
 * opted in stays silent. A read that fails for good, any later failure, or the deadline
 * (`port.deadlineMs`) concludes `specgate` `failure` with the reason ("GitHub answered 502
 * reading the pull request; Re-run to try again"), through a fresh request that does not
 * wait on a hung one. A failure before the opt-in rule was settled concludes it too (the
 * rule could not be applied, and a required check that never arrives is the worse
 * outcome); only a repository shown to have never opted in stays silent.
 */
export async function gateCommit(port: FlowPort, commit: RepoInput & { headSha: string }, body: (port: FlowPort, run: AggregateRun) => Promise<GateResult>): Promise<GateResult> {
  const deadline = startDeadline(port.deadlineMs ?? DEFAULT_GATING_DEADLINE_MS);
  const scoped = boundedPort(port, deadline);
  const run = aggregateRun(scoped, commit.headSha, deadline);
  const work = body(scoped, run);
  // Work abandoned at the deadline may still reject later; its outcome no longer matters.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, deadline.passed]);
  } catch (error) {
    return await concludeFailed(port, commit, run, error);
  } finally {
    deadline.clear();
  }
}

/** Ends `specgate` as failed with the reason, through a fresh bounded port (the gating's may have expired). */
async function concludeFailed(port: FlowPort, commit: RepoInput & { headSha: string }, run: AggregateRun, error: unknown): Promise<GateResult> {
  const reason = error instanceof Error ? error.message : String(error);
  port.log.error({ err: error, sha: commit.headSha }, 'specgate failed; concluding the check as failed');
  const bound = startDeadline(Math.min(CONCLUDE_BOUND_MS, (port.deadlineMs ?? DEFAULT_GATING_DEADLINE_MS) / 2));
  const fresh = boundedPort(port, bound);
  const target = gateTarget(fresh, commit, commit.headSha, run.target?.existing ?? new Map());
  // The runs on the commit, when the gating had not listed them yet (unless listing them is what GitHub kept failing).
  const relist = !run.target && !(error instanceof GitHubStepError && error.step === LIST_STEP);
  try {
    const existing = run.target?.existing ?? (relist ? await listCheckRuns(target).catch(() => undefined) : undefined) ?? new Map<string, ExistingRun>();
    await publishWrite(fresh, () => failCheck({ ...target, existing, reason }));
  } catch (concluding) {
    // The run is left in progress: a later event or the Re-run button concludes it (see ./sweep-stale.ts).
    port.log.error({ err: concluding, sha: commit.headSha }, 'specgate could not conclude its check; a later event concludes it');
  } finally {
    bound.clear();
  }
  return { kind: 'failed', headSha: commit.headSha, error, reason, notes: [...port.guard.notes] };
}

/** Publishes the outcome on the target's runs, through the write policy. */
export function publishOutcome(port: FlowPort, target: GateTarget, outcome: CheckOutcome): Promise<PublishResult | undefined> {
  return publishWrite(port, () => publishChecks({ ...target, outcome }));
}

/** Ends the target's in-progress run: `newHead` is the pull request's head now. */
export async function supersede(port: FlowPort, target: GateTarget, newHead: string): Promise<GateResult> {
  await publishWrite(port, () => supersedeCheck({ ...target, newHead }), 'concluding the superseded check run');
  return { kind: 'superseded', headSha: target.headSha, newHead };
}

function publishWrite<T>(port: FlowPort, write: () => Promise<T>, what = 'writing the check runs'): Promise<T | undefined> {
  return labelled(what, port.guard.write('checks', 'publish check runs', write));
}

/** The result of an invalid config: one failed run that lists each problem. */
export async function invalidConfig(port: FlowPort, target: GateTarget, loaded: Extract<LoadedConfig, { state: 'invalid' }>): Promise<GateResult> {
  const outcome = { kind: 'invalid-config' as const, errors: loaded.errors };
  const checks = await publishOutcome(port, target, outcome);
  return { kind: 'gated', headSha: target.headSha, outcome, waivers: [], ...(checks ? { checks } : {}), notes: [...port.guard.notes] };
}

/** The report of a commit that changes no spec document: what the engine says of no files. */
export function emptyReport(config: Config): Report {
  return evaluate({ files: [], config });
}
