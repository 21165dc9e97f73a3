import { listAll, rest, type GitHubClient, type RepoRef } from '../client.js';

/** What the gates need to know about a pull request. */
export interface PullRequestInfo {
  number: number;
  headSha: string;
  baseSha: string;
  baseRef: string;
  state: 'open' | 'closed';
  merged: boolean;
  draft: boolean;
  htmlUrl: string;
}

/** One entry of the PR's file list. */
export interface ChangedFile {
  path: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  /** The path before a rename. */
  previousPath?: string;
}

interface RawPull {
  number: number;
  state: 'open' | 'closed';
  merged?: boolean;
  merged_at?: string | null;
  draft?: boolean;
  html_url: string;
  head: { sha: string };
  base: { sha: string; ref: string };
}

/** Maps the REST pull-request object (from an API answer or a webhook payload). */
export function toPullRequestInfo(raw: RawPull): PullRequestInfo {
  return {
    number: raw.number,
    headSha: raw.head.sha,
    baseSha: raw.base.sha,
    baseRef: raw.base.ref,
    state: raw.state,
    merged: raw.merged === true || Boolean(raw.merged_at),
    draft: raw.draft === true,
    htmlUrl: raw.html_url,
  };
}

/** GET one pull request, for its current head SHA. */
export async function getPullRequest({ octokit, owner, repo, number }: RepoRef & { octokit: GitHubClient; number: number }): Promise<PullRequestInfo> {
  const raw = await rest<RawPull>(octokit, 'GET /repos/{owner}/{repo}/pulls/{pull_number}', { owner, repo, pull_number: number });
  return toPullRequestInfo(raw);
}

/** Open pull requests whose head is `sha` (check suites of fork PRs carry no PR list). */
export async function findPullRequestsForSha({ octokit, owner, repo, sha }: RepoRef & { octokit: GitHubClient; sha?: string }): Promise<PullRequestInfo[]> {
  const pulls = await listAll<RawPull>(octokit, 'GET /repos/{owner}/{repo}/pulls', { owner, repo, state: 'open' });
  return pulls.filter((pull) => sha === undefined || pull.head.sha === sha).map(toPullRequestInfo);
}

/** The PR's changed files, every page (GitHub stops at 3,000). */
export async function listChangedFiles({ octokit, owner, repo, number }: RepoRef & { octokit: GitHubClient; number: number }): Promise<ChangedFile[]> {
  const files = await listAll<{ filename: string; status: ChangedFile['status']; previous_filename?: string }>(
    octokit, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { owner, repo, pull_number: number },
  );
  return files.map((file) => ({
    path: file.filename,
    status: file.status,
    ...(file.previous_filename ? { previousPath: file.previous_filename } : {}),
  }));
}

/** Files changed between two commits (merge queue groups have no PR file list). */
export async function compareCommits({ octokit, owner, repo, base, head }: RepoRef & { octokit: GitHubClient; base: string; head: string }): Promise<ChangedFile[]> {
  const data = await rest<{ files?: { filename: string; status: ChangedFile['status']; previous_filename?: string }[] }>(
    octokit, 'GET /repos/{owner}/{repo}/compare/{basehead}', { owner, repo, basehead: `${base}...${head}` },
  );
  return (data.files ?? []).map((file) => ({
    path: file.filename,
    status: file.status,
    ...(file.previous_filename ? { previousPath: file.previous_filename } : {}),
  }));
}
