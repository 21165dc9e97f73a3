import { readWaivers } from '../commands/waivers.js';
import { listCheckRuns } from '../checks/publish.js';
import { readDocuments } from '../read/documents.js';
import { compareCommits } from '../read/pull-request.js';
import { emptyReport, gateTarget, invalidConfig, neverOptedIn, publishOutcome, withCheck, type GateResult, type GateTarget } from './gate-commit.js';
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
  return (port.lock ?? inProcessLock).run(headKey(input, input.headSha), () => gateGroupHead(port, input));
}

async function gateGroupHead(port: FlowPort, input: GateMergeGroupInput): Promise<GateResult> {
  const repoRef = { octokit: port.octokit, owner: input.owner, repo: input.repo };
  const [loaded, changed, existing] = await Promise.all([
    port.readConfig(Promise.resolve(input.baseSha)),
    compareCommits({ ...repoRef, base: input.baseSha, head: input.headSha }),
    listCheckRuns({ ...repoRef, headSha: input.headSha }),
  ]);
  const target = gateTarget(port, input, input.headSha, existing);
  if (await neverOptedIn(port, target, { loaded, changed, baseSha: input.baseSha })) return { kind: 'silent', headSha: input.headSha };
  return withCheck(port, target, () => (loaded.state === 'invalid' ? invalidConfig(port, target, loaded) : gateGroup(port, input, { target, loaded, changed })));
}

async function gateGroup(port: FlowPort, input: GateMergeGroupInput, read: { target: GateTarget; loaded: LoadedConfig; changed: ChangedFile[] }): Promise<GateResult> {
  const { target, loaded: { config } } = read;
  const [documents, ...lists] = await Promise.all([
    readDocuments({ ...target, baseSha: input.baseSha, changed: read.changed, config }),
    ...queuedPullRequests(input.headRef).map((number) => readWaivers({ ...target, number, botLogin: port.botLogin() })),
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
