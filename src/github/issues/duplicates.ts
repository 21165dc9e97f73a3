import { rest, type GitHubClient, type RepoRef } from '../client.js';
import { commentOnce } from './comments.js';
import { replaceMeta, type TrackedIssue } from './tracked.js';

/** An open issue for the same marker as an older open one, the one kept. */
export interface DuplicateIssue {
  issue: TrackedIssue;
  kept: TrackedIssue;
}

/** Which issue stands for each marker, and the open duplicates to close. */
export interface ChosenIssues {
  byKey: Map<string, TrackedIssue>;
  duplicates: DuplicateIssue[];
}

/**
 * THE issue of each marker key, decided the same way by every gating whatever order the
 * listing comes in: the OLDEST open issue (the lowest number); with none open, the newest
 * closed one (so a marker that comes back reopens the issue specgate closed last). Without a
 * lock shared by every replica, two gatings of one head can each open an issue for a marker;
 * the younger open ones are `duplicates` to close. Oldest, because it never changes: an issue
 * opened later is always younger, so gatings that list at different moments still agree.
 * An issue specgate closed as a duplicate (its marker names the kept one) is never THE
 * issue again and never touched again, even if someone reopens it.
 */
export function chooseIssues(tracked: readonly TrackedIssue[]): ChosenIssues {
  const byKey = new Map<string, TrackedIssue>();
  const open = new Map<string, TrackedIssue[]>();
  for (const issue of [...tracked].sort((a, b) => a.number - b.number)) {
    if (issue.meta.duplicateOf !== undefined) continue;
    if (issue.state === 'open') open.set(issue.meta.key, [...(open.get(issue.meta.key) ?? []), issue]);
    else byKey.set(issue.meta.key, issue);
  }
  const duplicates: DuplicateIssue[] = [];
  for (const [key, [kept, ...younger]] of open) {
    byKey.set(key, kept!);
    for (const issue of younger) duplicates.push({ issue, kept: kept! });
  }
  return { byKey, duplicates };
}

/**
 * Closes a duplicate as GitHub's "duplicate" (`state_reason: duplicate`, `duplicate_issue_id`
 * the kept issue's id when known), records the kept number in its hidden marker and, with
 * `comment`, comments where the clarification is kept (unless a comment already says so).
 * Closing first: a gating that lists after it finds the duplicate closed and leaves it. Of
 * two gatings that find the same duplicate at the same moment, only one should comment: the
 * caller asks for the comment from the gating that opened the duplicate (it always finds it,
 * see `syncClarificationIssues`) or that found it already there when it started.
 */
export async function closeDuplicate(input: RepoRef & { octokit: GitHubClient }, { issue, kept }: DuplicateIssue, comment: boolean): Promise<void> {
  const where = { owner: input.owner, repo: input.repo, issue_number: issue.number };
  const body = replaceMeta(issue.body, { ...issue.meta, closedBy: 'specgate', duplicateOf: kept.number });
  const fields = { ...where, state: 'closed', state_reason: 'duplicate', body };
  try {
    await rest(input.octokit, 'PATCH /repos/{owner}/{repo}/issues/{issue_number}', { ...fields, ...(kept.id !== undefined ? { duplicate_issue_id: kept.id } : {}) });
  } catch (error) {
    // A server that does not take `duplicate_issue_id` (an older GHES) refuses the field, not the close.
    if (kept.id === undefined || (error as { status?: unknown }).status !== 422) throw error;
    await rest(input.octokit, 'PATCH /repos/{owner}/{repo}/issues/{issue_number}', fields);
  }
  if (comment) await commentDuplicate(input, issue.number, kept.number);
}

/** Comments on a closed duplicate where its clarification is kept, unless a comment already says so. */
export async function commentDuplicate(input: RepoRef & { octokit: GitHubClient }, number: number, kept: number): Promise<void> {
  const marker = `<!-- specgate:duplicate-of #${kept} -->`;
  await commentOnce({
    octokit: input.octokit, owner: input.owner, repo: input.repo, number, skipIfPresent: true, isSame: (body) => body.includes(marker),
    body: `Duplicate of #${kept}: specgate opened this clarification twice (two gatings of the pull request ran at the same time). #${kept} is the issue it keeps in step; this one is closed.\n\n${marker}`,
  });
}
