import { readWaivers } from '../commands/waivers.js';
import { listCheckRuns } from '../checks/publish.js';
import { readDocuments } from '../read/documents.js';
import { compareCommits } from '../read/pull-request.js';
import {
  emptyReport, gateCommit, LIST_STEP, gateTarget, invalidConfig, neverOptedIn, optedInByReads, publishOutcome, type AggregateRun, type GateResult, type GateTarget,
} from './gate-commit.js';
import type { FlowPort, LoadedConfig, RepoInput } from './ports.js';
import type { ChangedFile } from '../read/pull-request.js';
import { headKey, inProcessLock } from './serialize.js';

/** A merge-queue commit to gate. */
export interface GateMergeGroupInput extends RepoInput {
  headSha: string;
  baseSha: string;
  /** The queue branch (`refs/heads/gh-readonly-queue/main/pr-123-<sha>`): it names the queued PRs. */
  headRef?: string;
}

/** The pull requests a queue branch names, whose waivers still apply to the group. */
export function queuedPullRequests(headRef: string | undefined): number[] {
  return [...(headRef ?? '').matchAll(/pr-(\d+)-/g)].map((match) => Number(match[1]));
}

/**
 * Merge queues need `specgate` on the merge group's head SHA too, or the required check
 * never arrives. The group's changes are gated like a PR's (no clarification issues);
 * waivers of the queued PRs still apply. Held under the port's lock for the head, as a PR head is.
 */
export function gateMergeGroup(port: FlowPort, input: GateMergeGroupInput): Promise<GateResult> {
  return (port.lock ?? inProcessLock).run(headKey(input, input.headSha), () => gateCommit(port, input, (scoped, run) => gateGroupHead(scoped, input, run)));
}

/** Config, the group's changes and the runs on its head at once; `specgate` opened as soon as the opt-in rule allows (see {@link gateCommit}). */
async function gateGroupHead(port: FlowPort, input: GateMergeGroupInput, run: AggregateRun): Promise<GateResult> {
  const { step } = run.deadline;
  const repoRef = { octokit: port.octokit, owner: input.owner, repo: input.repo };
  const compared = step('comparing the merge group with its base', compareCommits({ ...repoRef, base: input.baseSha, head: input.headSha }));
  compared.catch(() => undefined);
  const [loaded, existing] = await Promise.all([
    step('reading the config', port.readConfig(Promise.resolve(input.baseSha))),
    step(LIST_STEP, listCheckRuns({ ...repoRef, headSha: input.headSha })),
  ]);
  const target = gateTarget(port, input, input.headSha, existing);
  if (optedInByReads(loaded, existing)) await run.open(target);
  const changed = await compared;
  if (!run.opened) {
    if (await neverOptedIn(port, target, { loaded, changed, baseSha: input.baseSha, deadline: run.deadline })) return { kind: 'silent', headSha: input.headSha };
    await run.open(target);
  }
  return loaded.state === 'invalid' ? invalidConfig(port, target, loaded) : gateGroup(port, input, { target, loaded, changed, run });
}

async function gateGroup(port: FlowPort, input: GateMergeGroupInput, read: { target: GateTarget; loaded: LoadedConfig; changed: ChangedFile[]; run: AggregateRun }): Promise<GateResult> {
  const { target, loaded: { config }, run: { deadline: { step } } } = read;
  const [documents, ...lists] = await Promise.all([
    step('reading the documents', readDocuments({ ...target, baseSha: input.baseSha, changed: read.changed, config })),
    ...queuedPullRequests(input.headRef).map((number) => step(`reading the comments of pull request #${number}`, readWaivers({ ...target, number, botLogin: port.botLogin() }))),
  ]);
  const waivers = lists.flat();
  for (const note of documents.notes) port.guard.note(note);
  let report = emptyReport(config);
  let outcome: Extract<GateResult, { kind: 'gated' }>['outcome'] = { kind: 'no-documents' };
  if (documents.changed.length > 0) {
    ({ report } = await port.evaluator.gate({ files: documents.files, config, base: documents.base, ...(documents.tree ? { tree: documents.tree } : {}), markers: false }));
    outcome = { kind: 'report', report, waivers, notes: documents.notes };
  }
  const checks = await publishOutcome(port, target, outcome);
  return { kind: 'gated', headSha: input.headSha, outcome, report, waivers, ...(checks ? { checks } : {}), notes: [...port.guard.notes] };
}
