import { truncate, untrustedCode } from '../../engine/report/index.js';
import { createOnce, rest, sleep, type GitHubClient, type RepoRef } from '../client.js';
import { commentOnce } from './comments.js';
import { chooseIssues, closeDuplicate, commentDuplicate, type DuplicateIssue } from './duplicates.js';
import type { ClarificationMarker } from './markers.js';
import { issueBody, issueTitle, type IssueContext } from './render.js';
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
  /** Younger issues for a marker that already had one (two gatings at once), closed as duplicates. */
  duplicates: number[];
}

/**
 * Keeps one issue per unresolved marker: opens it once (up to the cap, sequentially and
 * paced), updates it when the marker moves, reopens it if specgate had closed it and the
 * marker is back, and closes it with the resolving commit when the marker is gone. The
 * issue of a marker is the oldest open one (see {@link chooseIssues}); younger open ones,
 * left by two gatings at once, are closed as its duplicates, those listed first and, after
 * this gating opened issues, those a listing made then finds (of two gatings that each
 * opened one, the one that opened the younger lists after it and so finds both).
 */
export async function syncClarificationIssues(input: SyncInput): Promise<SyncResult> {
  const result: SyncResult = { created: [], updated: [], closed: [], overflow: [], duplicates: [] };
  if (input.settings.mode === 'off') return result;
  const tracked = input.tracked ?? (await listIssues(input));
  const { byKey, duplicates } = chooseIssues(tracked);
  await closeDuplicates(input, duplicates, result, () => true);
  const context: IssueContext = { owner: input.owner, repo: input.repo, pull: input.pull, ...(input.serverUrl ? { serverUrl: input.serverUrl } : {}) };

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
      result.created.push(await createIssue(input, meta, context));
    } else if (!issue) {
      result.overflow.push(marker);
    }
  }
  if (result.created.length > 0) await settleDuplicates(input, result);

  const present = new Set(input.markers.map((marker) => marker.key));
  const gone = new Set(result.duplicates);
  for (const issue of tracked) {
    if (issue.state !== 'open' || issue.meta.pr !== input.pull.number || present.has(issue.meta.key) || gone.has(issue.number)) continue;
    if (!input.checkedPaths.has(issue.meta.path)) continue;
    await closeIssue(input, issue, 'completed', `The clarification is resolved: the marker is gone from ${untrustedCode(issue.meta.path, { max: 300 })} in ${input.pull.headSha}.`);
    result.closed.push(issue.number);
  }
  return result;
}

/**
 * After this gating opened issues: lists them again and closes every duplicate found. The
 * gating that opened a duplicate is the one that says so in a comment, also when the other
 * gating closed it first; the other only closes it, so a duplicate gets one comment.
 */
async function settleDuplicates(input: SyncInput, result: SyncResult): Promise<void> {
  const mine = new Set(result.created);
  const listed = await listIssues(input);
  await closeDuplicates(input, chooseIssues(listed).duplicates, result, (number) => mine.has(number));
  for (const issue of listed) {
    const kept = issue.meta.duplicateOf;
    if (kept === undefined || !mine.has(issue.number) || result.duplicates.includes(issue.number)) continue;
    await commentDuplicate(input, issue.number, kept);
    result.duplicates.push(issue.number);
  }
}

function listIssues(input: SyncInput): Promise<TrackedIssue[]> {
  return listClarificationIssues({ ...input, label: input.settings.labels[0] ?? 'specgate' });
}

async function closeDuplicates(input: SyncInput, duplicates: readonly DuplicateIssue[], result: SyncResult, comment: (number: number) => boolean): Promise<void> {
  for (const duplicate of duplicates) {
    if (result.duplicates.includes(duplicate.issue.number)) continue;
    await closeDuplicate(input, duplicate, comment(duplicate.issue.number));
    result.duplicates.push(duplicate.issue.number);
  }
}

/**
 * Opens the issue of one marker, never twice: a create answered 5xx or timed out is looked
 * up by its hidden marker before it is sent again (see {@link createOnce}); the issue found
 * (this create's, landed after all, or another gating's) is the one returned.
 */
async function createIssue(input: SyncInput, meta: IssueMeta, context: IssueContext): Promise<number> {
  const made = await createOnce<{ number: number }, number>(input.octokit, 'POST /repos/{owner}/{repo}/issues', {
    owner: input.owner, repo: input.repo, title: issueTitle(meta), body: issueBody(meta, context), labels: input.settings.labels,
  }, {
    find: async () => {
      const issue = chooseIssues(await listIssues(input)).byKey.get(meta.key);
      return issue?.state === 'open' ? issue.number : undefined;
    },
  });
  return 'created' in made ? made.created.number : made.found;
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
  await commentOnce({ octokit: input.octokit, owner: input.owner, repo: input.repo, number: issue.number, body: comment });
}

async function patchIssue(input: RepoRef & { octokit: GitHubClient }, number: number, fields: Record<string, unknown>): Promise<void> {
  await rest(input.octokit, 'PATCH /repos/{owner}/{repo}/issues/{issue_number}', { owner: input.owner, repo: input.repo, issue_number: number, ...fields });
}

function sameMeta(a: IssueMeta, b: IssueMeta): boolean {
  return a.path === b.path && a.line === b.line && a.question === b.question;
}
