import { untrustedCode, type Config, type ConfigError, type SourceFile } from '../../engine/index.js';
import { closeIssue } from '../issues/sync.js';
import { listClarificationIssues, type TrackedIssue } from '../issues/tracked.js';
import { fetchObjects } from '../read/blobs.js';
import { hasSpecFolders } from '../read/documents.js';
import { CONFIG_PATH } from '../read/config.js';
import { getPullRequest } from '../read/pull-request.js';
import { issueSettings } from '../settings.js';
import type { GateResult } from './gate-commit.js';
import { gateOpenPullRequests } from './gate-pull-request.js';
import type { FlowPort, RepoInput } from './ports.js';

/** A push to the default branch. */
export interface CloseResolvedInput extends RepoInput {
  /** The pushed commit. */
  sha: string;
  /** Paths the push added, changed or removed, when the event lists them: a config or constitution change re-gates open PRs. */
  touched?: ReadonlySet<string>;
  /**
   * Which open issues are judged: `merged`, those of closed PRs on touched files (open PRs
   * keep their issues in step themselves); `all`, every open one.
   */
  judge: 'merged' | 'all';
  /** Whether a config or constitution change in `touched` gates the open PRs again (default true). */
  regate?: boolean;
}

/** What a push came to. */
export type CloseResolvedResult =
  | { kind: 'skipped'; reason: string; invalid?: ConfigError[]; regated: GateResult[] }
  | { kind: 'closed'; closed: number[]; judged: number; regated: GateResult[]; notes: readonly string[] };

/**
 * A push to the default branch: when the config or the constitution changed, open PRs are
 * gated again (they are judged by the base's rules); open clarification issues whose
 * marker is gone from their file at the pushed commit (answered, or the file removed) are
 * closed. Issues whose marker is still there stay open; nothing is failed.
 */
export async function closeResolved(port: FlowPort, input: CloseResolvedInput): Promise<CloseResolvedResult> {
  const loaded = await port.readConfig(Promise.resolve(input.sha));
  const configTouched = input.touched?.has(CONFIG_PATH) === true;
  if (loaded.state === 'missing' && !configTouched && !(await hasSpecFolders({ octokit: port.octokit, ...input, ref: input.sha, config: loaded.config }))) {
    return { kind: 'skipped', reason: 'The repository never opted in (no config, no spec folders).', regated: [] };
  }
  // Only a push whose paths are known can say the config or the constitution changed; an invalid config is a result for the PRs too.
  const regated = input.regate !== false && (configTouched || loaded.config.constitution.some((path) => input.touched?.has(path))) ? await gateOpenPullRequests(port, { owner: input.owner, repo: input.repo }) : [];
  if (loaded.state === 'invalid') return { kind: 'skipped', reason: 'The config is invalid; no issue is closed until it is fixed.', invalid: loaded.errors, regated };
  const settings = issueSettings(loaded.config);
  if (settings.mode === 'off') return { kind: 'skipped', reason: 'Clarification issues are off in the config; nothing to close.', regated };
  const candidates = await listCandidates(port, input, loaded.config);
  if (candidates.length === 0) return { kind: 'skipped', reason: 'No open clarification issue to judge.', regated };
  const closed = await closeGone(port, input, candidates);
  return { kind: 'closed', closed, judged: candidates.length, regated, notes: [...port.guard.notes] };
}

/** The open issues this push may have resolved (see {@link CloseResolvedInput.judge}). */
async function listCandidates(port: FlowPort, input: CloseResolvedInput, config: Config): Promise<TrackedIssue[]> {
  const label = issueSettings(config).labels[0] ?? 'specgate';
  const tracked = await listClarificationIssues({ octokit: port.octokit, owner: input.owner, repo: input.repo, label, botLogin: port.botLogin() });
  if (input.judge === 'all') return tracked.filter((issue) => issue.state === 'open');
  const open = tracked.filter((issue) => issue.state === 'open' && input.touched?.has(issue.meta.path) === true);
  // Open PRs keep their issues in step themselves; only merged work is judged on the default branch.
  return keepClosedPulls(port, input, open);
}

/** The issues whose pull request is closed. */
async function keepClosedPulls(port: FlowPort, input: CloseResolvedInput, issues: readonly TrackedIssue[]): Promise<TrackedIssue[]> {
  const numbers = [...new Set(issues.map((issue) => issue.meta.pr))];
  const pulls = await Promise.all(numbers.map((number) => getPullRequest({ octokit: port.octokit, owner: input.owner, repo: input.repo, number })));
  const closedPulls = new Set(pulls.filter((pull) => pull.state === 'closed').map((pull) => pull.number));
  return issues.filter((issue) => closedPulls.has(issue.meta.pr));
}

async function closeGone(port: FlowPort, input: CloseResolvedInput, judged: readonly TrackedIssue[]): Promise<number[]> {
  const files = await readFiles(port, input, [...new Set(judged.map((issue) => issue.meta.path))]);
  const exists = (issue: TrackedIssue): boolean => files.some((file) => file.path === issue.meta.path);
  // A file missing from the default branch is only resolved for a closed PR: an open PR's new spec is not there yet.
  const gone = await keepClosedPulls(port, input, judged.filter((issue) => !exists(issue)));
  const candidates = judged.filter((issue) => exists(issue) || gone.includes(issue));
  // Parsed through the port's evaluator, like every document (the App keeps its event loop free).
  const present = new Set(await port.evaluator.markerKeys(files));
  const closed: number[] = [];
  for (const issue of candidates) {
    if (present.has(issue.meta.key)) continue;
    const path = untrustedCode(issue.meta.path, { max: 300 });
    const where = exists(issue) ? `the marker is gone from ${path}` : `${path} no longer exists`;
    const done = await port.guard.write('issues', `close issue #${issue.number}`, async () => {
      await closeIssue({ octokit: port.octokit, owner: input.owner, repo: input.repo }, issue, 'completed', `Resolved on the default branch: ${where} in ${input.sha}.`);
      return true;
    });
    if (done) closed.push(issue.number);
  }
  return closed;
}

async function readFiles(port: FlowPort, input: CloseResolvedInput, paths: readonly string[]): Promise<SourceFile[]> {
  const objects = await fetchObjects({ octokit: port.octokit, owner: input.owner, repo: input.repo, requests: paths.map((path) => ({ expression: `${input.sha}:${path}` })) });
  return paths.flatMap((path, i) => {
    const object = objects[i];
    return object?.type === 'blob' && object.blob.text !== null ? [{ path, content: object.blob.text }] : [];
  });
}
