import { listAll, type GitHubClient, type RepoRef } from '../client.js';

/** What the hidden marker in a clarification issue's body records. */
export interface IssueMeta {
  key: string;
  /** The PR that opened the issue. */
  pr: number;
  path: string;
  line: number;
  question: string;
  /** Set when specgate closed the issue itself, so it may reopen it if the marker returns. */
  closedBy?: 'specgate';
  /** Set when specgate closed the issue as a duplicate: the number of the issue kept for the marker. */
  duplicateOf?: number;
}

/** A clarification issue specgate keeps, as found on GitHub. */
export interface TrackedIssue {
  number: number;
  /** The issue's id (not its number): what `duplicate_issue_id` takes. */
  id?: number;
  state: 'open' | 'closed';
  body: string;
  meta: IssueMeta;
}

const PATTERN = /<!-- specgate:clarification (\{.*?\}) -->/g;

/**
 * The hidden marker line. `<`, `>` and `&` are escaped so no question can end the HTML
 * comment early or open another, and the line separators U+2028/2029 (which JSON leaves
 * raw but `.` in a pattern does not cross) so the marker always reads back.
 */
export function encodeMeta(meta: IssueMeta): string {
  return `<!-- specgate:clarification ${safeJson(meta)} -->`;
}

/** JSON that can sit inside an HTML comment on one line. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&@\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Reads the hidden marker back, or `undefined` for any other issue. specgate writes its
 * marker last, so the last one counts: text quoted above it cannot stand in for it.
 */
export function decodeMeta(body: string | null | undefined): IssueMeta | undefined {
  const match = lastMatch(body ?? '');
  if (!match) return undefined;
  try {
    const meta = JSON.parse(match[1]!) as Partial<IssueMeta>;
    const valid = typeof meta.key === 'string' && typeof meta.pr === 'number' && typeof meta.path === 'string'
      && typeof meta.line === 'number' && typeof meta.question === 'string';
    if (!valid) return undefined;
    if (meta.duplicateOf !== undefined && typeof meta.duplicateOf !== 'number') delete meta.duplicateOf;
    return meta as IssueMeta;
  } catch {
    return undefined;
  }
}

/** The body with its (last) hidden marker replaced by one for `meta`. */
export function replaceMeta(body: string, meta: IssueMeta): string {
  const match = lastMatch(body);
  if (!match) return `${body}\n\n${encodeMeta(meta)}`;
  return body.slice(0, match.index) + encodeMeta(meta) + body.slice(match.index + match[0].length);
}

function lastMatch(body: string): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  for (const match of body.matchAll(PATTERN)) last = match as RegExpExecArray;
  return last;
}

/**
 * Every clarification issue specgate opened, open or closed: listed by label, kept only
 * when `botLogin` (specgate's own account) wrote it, and read by its hidden marker; never
 * by title or the search API, which lags behind writes and so invites duplicates. An issue
 * anyone else wrote is never taken for one, whatever marker it carries: specgate would
 * otherwise edit, close and reopen it. `botLogin` may be a promise, so that looking it up
 * overlaps with the listing.
 */
export async function listClarificationIssues({ octokit, owner, repo, label, botLogin }: RepoRef & { octokit: GitHubClient; label: string; botLogin: string | PromiseLike<string> }): Promise<TrackedIssue[]> {
  const [issues, login] = await Promise.all([
    listAll<{ number: number; id?: number; state: 'open' | 'closed'; body?: string | null; pull_request?: unknown; user?: { login: string } | null }>(
      octokit, 'GET /repos/{owner}/{repo}/issues', { owner, repo, labels: label, state: 'all' },
    ),
    botLogin,
  ]);
  const tracked: TrackedIssue[] = [];
  for (const issue of issues) {
    if (issue.pull_request || issue.user?.login.toLowerCase() !== login.toLowerCase()) continue;
    const meta = decodeMeta(issue.body);
    if (meta) tracked.push({ number: issue.number, ...(typeof issue.id === 'number' ? { id: issue.id } : {}), state: issue.state, body: issue.body ?? '', meta });
  }
  return tracked;
}
