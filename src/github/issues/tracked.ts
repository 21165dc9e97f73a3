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
}

/** A clarification issue specgate keeps, as found on GitHub. */
export interface TrackedIssue {
  number: number;
  state: 'open' | 'closed';
  body: string;
  meta: IssueMeta;
}

const PATTERN = /<!-- specgate:clarification (\{.*?\}) -->/;

/** The hidden marker line; `>` is escaped so no question can end the HTML comment early. */
export function encodeMeta(meta: IssueMeta): string {
  return `<!-- specgate:clarification ${JSON.stringify(meta).replace(/>/g, '\\u003e')} -->`;
}

/** Reads the hidden marker back, or `undefined` for any other issue. */
export function decodeMeta(body: string | null | undefined): IssueMeta | undefined {
  const match = PATTERN.exec(body ?? '');
  if (!match) return undefined;
  try {
    const meta = JSON.parse(match[1]!) as Partial<IssueMeta>;
    if (typeof meta.key !== 'string' || typeof meta.pr !== 'number') return undefined;
    return meta as IssueMeta;
  } catch {
    return undefined;
  }
}

/**
 * Every clarification issue, open or closed, found by label and hidden marker; never by
 * title or the search API, which lags behind writes and so invites duplicates.
 */
export async function listClarificationIssues({ octokit, owner, repo, label }: RepoRef & { octokit: GitHubClient; label: string }): Promise<TrackedIssue[]> {
  const issues = await listAll<{ number: number; state: 'open' | 'closed'; body?: string | null; pull_request?: unknown }>(
    octokit, 'GET /repos/{owner}/{repo}/issues', { owner, repo, labels: label, state: 'all' },
  );
  const tracked: TrackedIssue[] = [];
  for (const issue of issues) {
    const meta = issue.pull_request ? undefined : decodeMeta(issue.body);
    if (meta) tracked.push({ number: issue.number, state: issue.state, body: issue.body ?? '', meta });
  }
  return tracked;
}
