import { evaluate, isGated, type Config, type Report } from '../../engine/index.js';
import type { CheckOutcome } from '../checks/plan.js';
import {
  failCheck, publishChecks, startCheck, supersedeCheck, type CheckTarget, type ExistingRun, type PublishResult,
} from '../checks/publish.js';
import type { Waiver } from '../commands/waivers.js';
import type { SyncResult } from '../issues/sync.js';
import { hasSpecFolders } from '../read/documents.js';
import type { ChangedFile } from '../read/pull-request.js';
import type { FlowPort, LoadedConfig } from './ports.js';

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

/** Whether a repository without config never opted in: no run on the commit, no spec document changed, no spec folder. */
export async function neverOptedIn(port: FlowPort, target: GateTarget, read: { loaded: LoadedConfig; changed: readonly ChangedFile[]; baseSha: string }): Promise<boolean> {
  if (read.loaded.state !== 'missing' || target.existing.size > 0) return false;
  if (read.changed.some((file) => isGated(file.path, read.loaded.config))) return false;
  return !(await hasSpecFolders({ ...target, ref: read.baseSha, config: read.loaded.config }));
}

/**
 * Shows the aggregate run in progress, runs `work`, and always concludes it: a failure in
 * `work` ends the run as failed with the reason (so no run is ever left waiting).
 */
export async function withCheck(port: FlowPort, target: GateTarget, work: () => Promise<GateResult>): Promise<GateResult> {
  await publishWrite(port, () => startCheck(target));
  try {
    return await work();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    port.log.error({ err: error, sha: target.headSha }, 'specgate failed; concluding the check as failed');
    await publishWrite(port, () => failCheck({ ...target, reason }));
    return { kind: 'failed', headSha: target.headSha, error, reason, notes: [...port.guard.notes] };
  }
}

/** Publishes the outcome on the target's runs, through the write policy. */
export function publishOutcome(port: FlowPort, target: GateTarget, outcome: CheckOutcome): Promise<PublishResult | undefined> {
  return publishWrite(port, () => publishChecks({ ...target, outcome }));
}

/** Ends the target's in-progress run: `newHead` is the pull request's head now. */
export async function supersede(port: FlowPort, target: GateTarget, newHead: string): Promise<GateResult> {
  await publishWrite(port, () => supersedeCheck({ ...target, newHead }));
  return { kind: 'superseded', headSha: target.headSha, newHead };
}

function publishWrite<T>(port: FlowPort, write: () => Promise<T>): Promise<T | undefined> {
  return port.guard.write('checks', 'publish check runs', write);
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
