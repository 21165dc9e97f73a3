import { rest, type GitHubClient, type RepoRef } from '../client.js';

/** Every path of the repository at a revision, or why there is none. */
export type RepositoryTree =
  | { state: 'complete'; paths: Set<string> }
  /** GitHub cut the listing short (over 100,000 entries or 7 MB): rules needing it stay silent. */
  | { state: 'truncated' };

interface RawTree {
  truncated?: boolean;
  tree?: { path?: string; type?: string }[];
}

/** What the summary and the log say when the tree was cut short. */
export const TRUNCATED_TREE_NOTE = 'GitHub truncated the repository tree (too many files), so `done-task-files-exist` did not run and `required-checklists-present` looked only among the documents read.';

/**
 * The repository's file paths at `sha`, in one request (`git/trees?recursive=1`).
 * Submodules count as paths; folders do not, as in a checkout walk.
 */
export async function readTree({ octokit, owner, repo, sha }: RepoRef & { octokit: GitHubClient; sha: string }): Promise<RepositoryTree> {
  const data = await rest<RawTree>(octokit, 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { owner, repo, tree_sha: sha, recursive: '1' });
  // A partial list would make present files look missing: better no list at all.
  if (data.truncated === true) return { state: 'truncated' };
  const paths = new Set<string>();
  for (const entry of data.tree ?? []) {
    if (entry.path && (entry.type === 'blob' || entry.type === 'commit')) paths.add(entry.path);
  }
  return { state: 'complete', paths };
}
