import { truncate, untrustedCode } from '../../engine/report/index.js';
import { rest, sleep, type GitHubClient, type RepoRef } from '../client.js';
import type { ClarificationMarker } from './markers.js';
import { issueBody, issueTitle } from './render.js';
import { listClarificationIssues, replaceMeta, type IssueMeta, type TrackedIssue } from './tracked.js';

/** `clarification-issues` from the config, plus pacing. */
export interface IssueSettings {
  mode: 'on-open' | 'command' | 'off';
  maxPerPr: number;
  labels: string[];
  /** Pause between issue creations (GitHub's content-creation limits); 0 in tests. */
  delayMs?: number;
}

export interface SyncInput extends RepoRef {
  octokit: GitHubClient;
  pull: { number: number; headSha: string };
  /** Markers found at the head, in order. */
  markers: readonly ClarificationMarker[];
  /** Paths whose head text was read: only their issues can be judged resolved. */
  checkedPaths: ReadonlySet<string>;
  settings: IssueSettings;
  /** Whether new issues may be opened now (`on-open`, or a `clarify` command). */
  allowCreate: boolean;
  /** Already listed issues, to save a request. */
  tracked?: TrackedIssue[];
  /** specgate's own account: only issues it wrote are kept in step (see {@link listClarificationIssues}). */
  botLogin: string | PromiseLike<string>;
  serverUrl?: string;
}

/**
 * How much of a question the hidden marker keeps: a 70,000-character question would
 * otherwise push the body past GitHub's limit. The marker's key hashes the whole question.
 */
const STORED_QUESTION_MAX = 1_000;

export interface SyncResult {
  created: number[];
  updated: number[];
  closed: number[];
  /** Markers left without an issue because of the cap (or because creation is not allowed now). */
  overflow: ClarificationMarker[];
}

/**
 * Keeps one issue per unresolved marker: opens it once (up to the cap, sequentially and
 * paced), updates it when the marker moves, reopens it if specgate had closed it and the
 * marker is back, and closes it with the resolving commit when the marker is gone.
 */
export async function syncClarificationIssues(input: SyncInput): Promise<SyncResult> {
  const result: SyncResult = { created: [], updated: [], closed: [], overflow: [] };
  if (input.settings.mode === 'off') return result;
  const tracked = input.tracked ?? (await listClarificationIssues({ ...input, label: input.settings.labels[0] ?? 'specgate' }));
  const byKey = new Map<string, TrackedIssue>();
  for (const issue of tracked) if (!byKey.has(issue.meta.key) || issue.state === 'open') byKey.set(issue.meta.key, issue);
  const context = { owner: input.owner, repo: input.repo, pull: input.pull, ...(input.serverUrl ? { serverUrl: input.serverUrl } : {}) };

  let kept = 0;
  for (const marker of input.markers) {
    const issue = byKey.get(marker.key);
    if (issue && (issue.state === 'open' || issue.meta.closedBy === 'specgate')) {
      kept += 1;
      const meta: IssueMeta = { ...issue.meta, path: marker.path, line: marker.line, question: truncate(marker.question, STORED_QUESTION_MAX) };
      delete meta.closedBy;
      if (issue.state === 'open' && sameMeta(issue.meta, meta)) continue;
      await patchIssue(input, issue.number, { body: issueBody(meta, context), state: 'open' });
      result.updated.push(issue.number);
    } else if (!issue && input.allowCreate && kept < input.settings.maxPerPr) {
      kept += 1;
      if (result.created.length > 0) await sleep(input.settings.delayMs ?? 0);
      const meta: IssueMeta = { key: marker.key, pr: input.pull.number, path: marker.path, line: marker.line, question: truncate(marker.question, STORED_QUESTION_MAX) };
      const created = await rest<{ number: number }>(input.octokit, 'POST /repos/{owner}/{repo}/issues', {
        owner: input.owner, repo: input.repo, title: issueTitle(meta), body: issueBody(meta, context), labels: input.settings.labels,
      });
      result.created.push(created.number);
    } else if (!issue) {
      result.overflow.push(marker);
    }
  }

  const present = new Set(input.markers.map((marker) => marker.key));
  for (const issue of tracked) {
    if (issue.state !== 'open' || issue.meta.pr !== input.pull.number || present.has(issue.meta.key)) continue;
    if (!input.checkedPaths.has(issue.meta.path)) continue;
    await closeIssue(input, issue, 'completed', `The clarification is resolved: the marker is gone from ${untrustedCode(issue.meta.path, { max: 300 })} in ${input.pull.headSha}.`);
    result.closed.push(issue.number);
  }
  return result;
}

/** Closes every open issue a PR opened, as not planned (the PR closed without merging). */
export async function closePullRequestIssues(input: RepoRef & { octokit: GitHubClient; number: number; label: string; botLogin: string | PromiseLike<string> }): Promise<number[]> {
  const tracked = await listClarificationIssues(input);
  const closed: number[] = [];
  for (const issue of tracked) {
    if (issue.state !== 'open' || issue.meta.pr !== input.number) continue;
    await closeIssue(input, issue, 'not_planned', `#${input.number} was closed without merging, so this clarification is no longer needed.`);
    closed.push(issue.number);
  }
  return closed;
}

/** Closes, then comments why, recording in the hidden marker that specgate closed it. */
export async function closeIssue(input: RepoRef & { octokit: GitHubClient }, issue: TrackedIssue, reason: 'completed' | 'not_planned', comment: string): Promise<void> {
  const body = replaceMeta(issue.body, { ...issue.meta, closedBy: 'specgate' });
  // Close first: a redelivery after a crash finds it closed and so never comments twice.
  await patchIssue(input, issue.number, { state: 'closed', state_reason: reason, body });
  await rest(input.octokit, 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: input.owner, repo: input.repo, issue_number: issue.number, body: comment });
}

async function patchIssue(input: RepoRef & { octokit: GitHubClient }, number: number, fields: Record<string, unknown>): Promise<void> {
  await rest(input.octokit, 'PATCH /repos/{owner}/{repo}/issues/{issue_number}', { owner: input.owner, repo: input.repo, issue_number: number, ...fields });
}

function sameMeta(a: IssueMeta, b: IssueMeta): boolean {
  return a.path === b.path && a.line === b.line && a.question === b.question;
}
