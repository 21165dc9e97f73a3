import type { Config } from '../../engine/index.js';
import { readWaivers, type Waiver } from '../commands/waivers.js';
import { listCheckRuns } from '../checks/publish.js';
import type { ClarificationMarker } from '../issues/markers.js';
import { syncClarificationIssues, type SyncResult } from '../issues/sync.js';
import { listClarificationIssues, type TrackedIssue } from '../issues/tracked.js';
import { readDocuments, type PullRequestDocuments } from '../read/documents.js';
import { findPullRequestsForSha, getPullRequest, listChangedFiles, type ChangedFile, type PullRequestInfo } from '../read/pull-request.js';
import { issueSettings } from '../settings.js';
import { labelled } from './conclude.js';
import {
  emptyReport, gateCommit, LIST_STEP, gateTarget, invalidConfig, neverOptedIn, optedInByReads, publishOutcome, supersede, type AggregateRun, type GateResult, type GateTarget,
} from './gate-commit.js';
import type { FlowPort, LoadedConfig, RepoInput } from './ports.js';
import { headKey, inProcessLock } from './serialize.js';

/** One pull request to gate. */
export interface GatePullRequestInput extends RepoInput {
  number: number;
  /** The head the event is about: a result for any other head is dropped. Absent: the head now. */
  headSha?: string;
  /** `clarify` command or button: open issues even in `command` mode. */
  clarify?: boolean;
}

interface PullRead {
  pull: PullRequestInfo;
  loaded: LoadedConfig;
  changed: ChangedFile[];
  waivers: Waiver[];
  target: GateTarget;
  run: AggregateRun;
}

/**
 * Gates one pull request head: config (from the base, through the port), the PR, its files,
 * the runs on the head and the waivers in one round trip; documents in one GraphQL batch;
 * the head once more before anything is written, so a result for a superseded head is
 * dropped. Writes only what changed; the `specgate` run is shown in progress as early as the
 * opt-in rule allows and always concluded, within the port's deadline (see
 * {@link gateCommit}). Gatings of one head hold the port's lock, so simultaneous events write once.
 */
export async function gatePullRequest(port: FlowPort, input: GatePullRequestInput): Promise<GateResult> {
  // Without a head from the event (a dispatched Action run) the head now is gated.
  const headSha = input.headSha ?? (await labelled('reading the pull request', getPullRequest({ octokit: port.octokit, owner: input.owner, repo: input.repo, number: input.number }))).headSha;
  const head = { ...input, headSha };
  return (port.lock ?? inProcessLock).run(headKey(input, headSha), () => gateCommit(port, head, (scoped, run) => gateRead(scoped, head, run)));
}

async function gateRead(port: FlowPort, input: GatePullRequestInput & { headSha: string }, run: AggregateRun): Promise<GateResult> {
  const read = await readPull(port, input, run);
  const { pull, target } = read;
  if (pull.headSha !== target.headSha) return supersede(port, target, pull.headSha);
  if (!run.opened) {
    if (await neverOptedIn(port, target, { ...read, baseSha: pull.baseSha, deadline: run.deadline })) return { kind: 'silent', headSha: target.headSha };
    await run.open(target);
  }
  return read.loaded.state === 'invalid' ? invalidConfig(port, target, read.loaded) : gateDocuments(port, input, read);
}

/** Every read at once; `specgate` opened as soon as the config, the runs and the PR allow (see {@link gateCommit}). */
async function readPull(port: FlowPort, input: GatePullRequestInput & { headSha: string }, run: AggregateRun): Promise<PullRead> {
  const { step } = run.deadline;
  const repoRef = { octokit: port.octokit, owner: input.owner, repo: input.repo };
  const pulled = step('reading the pull request', getPullRequest({ ...repoRef, number: input.number }));
  // A port may never wait for the base (the App reads the default branch); `pulled` reports the failure.
  const baseSha = pulled.then((pull) => pull.baseSha);
  const reads = {
    loaded: step('reading the config', port.readConfig(baseSha)),
    existing: step(LIST_STEP, listCheckRuns({ ...repoRef, headSha: input.headSha })),
    changed: step('reading the files of the pull request', listChangedFiles({ ...repoRef, number: input.number })),
    waivers: step('reading the comments of the pull request', readWaivers({ ...repoRef, number: input.number, botLogin: port.botLogin() })),
  };
  // Each is awaited below; one that fails while another is awaited must not go unhandled.
  for (const read of [baseSha, ...Object.values(reads)]) read.catch(() => undefined);
  const [pull, loaded, existing] = await Promise.all([pulled, reads.loaded, reads.existing]);
  const target = gateTarget(port, input, input.headSha, existing);
  if (pull.headSha === input.headSha && optedInByReads(loaded, existing)) await run.open(target);
  const [changed, waivers] = await Promise.all([reads.changed, reads.waivers]);
  return { pull, loaded, changed, waivers, target, run };
}

async function gateDocuments(port: FlowPort, input: GatePullRequestInput, read: PullRead): Promise<GateResult> {
  const { pull, target, loaded: { config }, run: { deadline: { step } } } = read;
  const issues = issueSettings(config, port.issueDelayMs);
  const tracking = issues.mode !== 'off' && port.guard.allows('issues');
  const [documents, tracked] = await Promise.all([
    step('reading the documents', readDocuments({ ...target, headSha: pull.headSha, baseSha: pull.baseSha, changed: read.changed, config })),
    tracking ? step('reading the clarification issues', listClarificationIssues({ ...target, label: issues.labels[0] ?? 'specgate', botLogin: port.botLogin() })) : [],
  ]);
  for (const note of documents.notes) port.guard.note(note);
  if (documents.changed.length === 0) return conclude(port, target, { outcome: { kind: 'no-documents' }, report: emptyReport(config), waivers: read.waivers });
  // Parsing happens through the port's evaluator (the App's worker pool, within its deadline).
  const { report, markers } = await port.evaluator.gate({
    files: documents.files, config, base: documents.base, ...(documents.tree ? { tree: documents.tree } : {}), markers: tracking,
  });
  const current = await step('reading the pull request', getPullRequest({ ...target, number: input.number }));
  if (current.headSha !== target.headSha) return supersede(port, target, current.headSha);
  const synced = tracking ? await step('writing the clarification issues', syncIssues(port, { input, config, documents, markers, tracked, headSha: target.headSha })) : undefined;
  const outcome = {
    kind: 'report' as const, report, waivers: read.waivers, overflow: synced?.overflow ?? [], notes: documents.notes,
    clarify: markers.length > 0 && config['clarification-issues'].mode !== 'off',
  };
  return conclude(port, target, { outcome, report, waivers: read.waivers, ...(synced ? { issues: synced } : {}) });
}

async function conclude(port: FlowPort, target: GateTarget, result: Omit<Extract<GateResult, { kind: 'gated' }>, 'kind' | 'headSha' | 'notes' | 'checks'>): Promise<GateResult> {
  const checks = await publishOutcome(port, target, result.outcome);
  return { kind: 'gated', headSha: target.headSha, ...result, ...(checks ? { checks } : {}), notes: [...port.guard.notes] };
}

interface IssueWork {
  input: GatePullRequestInput;
  config: Config;
  documents: PullRequestDocuments;
  markers: ClarificationMarker[];
  tracked: TrackedIssue[];
  headSha: string;
}

/** Keeps one issue per unresolved marker (see ../issues/sync.ts); the overflow is noted. */
async function syncIssues(port: FlowPort, work: IssueWork): Promise<SyncResult | undefined> {
  const settings = issueSettings(work.config, port.issueDelayMs);
  const allowCreate = settings.mode === 'on-open' || work.input.clarify === true;
  const result = await port.guard.write('issues', 'open or update clarification issues', () => syncClarificationIssues({
    octokit: port.octokit, owner: work.input.owner, repo: work.input.repo, pull: { number: work.input.number, headSha: work.headSha },
    markers: work.markers, checkedPaths: new Set(work.documents.files.map((file) => file.path)), settings, allowCreate,
    tracked: work.tracked, botLogin: port.botLogin(), ...(port.serverUrl ? { serverUrl: port.serverUrl } : {}),
  }));
  if (result && result.overflow.length > 0) {
    port.guard.note(`${result.overflow.length} open clarification(s) have no issue (${allowCreate ? `cap of ${settings.maxPerPr} per pull request reached` : 'comment `/specgate clarify` to open them'}).`);
  }
  return result;
}

/**
 * Gates every open pull request whose head is `sha` (every open one when absent), one
 * after the other: for check suites (fork PRs carry no PR list) and config changes. When
 * the pull requests of `sha` cannot be listed, see {@link unlisted}.
 */
export async function gateOpenPullRequests(port: FlowPort, input: RepoInput & { sha?: string; numbers?: readonly number[]; clarify?: boolean }): Promise<GateResult[]> {
  let listed: { number: number; headSha: string }[];
  if (input.numbers && input.numbers.length > 0 && input.sha) {
    listed = input.numbers.map((number) => ({ number, headSha: input.sha! }));
  } else {
    try {
      listed = await labelled('listing the pull requests of the commit', findPullRequestsForSha({ octokit: port.octokit, owner: input.owner, repo: input.repo, ...(input.sha ? { sha: input.sha } : {}) }));
    } catch (error) {
      if (!input.sha) throw error;
      return [await unlisted(port, { owner: input.owner, repo: input.repo, headSha: input.sha }, error)];
    }
  }
  const results: GateResult[] = [];
  for (const pull of listed) results.push(await gatePullRequest(port, { owner: input.owner, repo: input.repo, number: pull.number, headSha: pull.headSha, ...(input.clarify ? { clarify: true } : {}) }));
  return results;
}

/**
 * The pull requests of a commit could not be listed (a re-run or a check suite without
 * its PR list): a commit that already carries `specgate` runs opted in, so its `specgate`
 * is concluded failed with the reason; any other commit stays silent (it may be any
 * branch's push, and its pull request's own events gate it).
 */
function unlisted(port: FlowPort, commit: RepoInput & { headSha: string }, error: unknown): Promise<GateResult> {
  return (port.lock ?? inProcessLock).run(headKey(commit, commit.headSha), () => gateCommit(port, commit, async (scoped, run) => {
    const existing = await run.deadline.step(LIST_STEP, listCheckRuns({ octokit: scoped.octokit, ...commit }));
    if (existing.size === 0) return { kind: 'silent', headSha: commit.headSha };
    await run.open(gateTarget(scoped, commit, commit.headSha, existing));
    throw error;
  }));
}
