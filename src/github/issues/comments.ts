import { createOnce, listAll, type GitHubClient, type RepoRef } from '../client.js';

/**
 * Comments on an issue once: a comment answered 5xx or timed out is looked for among the
 * issue's comments (by `isSame`, its exact body when absent) before it is sent again (see
 * {@link createOnce}), so an "applied but failed" answer never leaves the same comment twice.
 * With `skipIfPresent`, the comments are read first and nothing is posted when one matches.
 */
export async function commentOnce(input: RepoRef & { octokit: GitHubClient; number: number; body: string; isSame?: (body: string) => boolean; skipIfPresent?: boolean }): Promise<void> {
  const where = { owner: input.owner, repo: input.repo, issue_number: input.number };
  const isSame = input.isSame ?? ((body: string) => body === input.body);
  const find = async (): Promise<number | undefined> => {
    const comments = await listAll<{ id: number; body?: string | null }>(input.octokit, 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', where);
    return comments.find((comment) => isSame(comment.body ?? ''))?.id;
  };
  if (input.skipIfPresent && (await find()) !== undefined) return;
  await createOnce(input.octokit, 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...where, body: input.body }, { find });
}
