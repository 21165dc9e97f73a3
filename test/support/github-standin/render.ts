import type { CheckRun, Comment, Issue, Pull, Repo, User } from './state.js';

/** JSON shapes close enough to GitHub's for Octokit, Probot and specgate. */
export function userJson(user: User): Record<string, unknown> {
  return { login: user.login, id: user.id, type: user.type };
}

export function pullJson(repo: Repo, pull: Pull, base: string): Record<string, unknown> {
  return {
    id: pull.number + 500_000, number: pull.number, state: pull.state, merged: pull.merged, draft: pull.draft,
    merged_at: pull.merged ? '2026-01-01T00:00:00Z' : null,
    html_url: `${base}/${repo.fullName}/pull/${pull.number}`, user: userJson(pull.user),
    head: { ref: pull.headRef, sha: pull.headSha, repo: { id: repo.id, name: repo.name, full_name: repo.fullName } },
    base: { ref: pull.baseRef, sha: pull.baseSha, repo: { id: repo.id, name: repo.name, full_name: repo.fullName } },
  };
}

export function checkRunJson(repo: Repo, run: CheckRun, base: string): Record<string, unknown> {
  return {
    id: run.id, name: run.name, head_sha: run.head_sha, status: run.status, conclusion: run.conclusion,
    started_at: run.started_at, completed_at: run.completed_at,
    details_url: run.details_url ?? null, html_url: `${base}/${repo.fullName}/runs/${run.id}`,
    output: { ...run.output, annotations_count: run.annotations.length, annotations_url: `${base}/repos/${repo.fullName}/check-runs/${run.id}/annotations` },
    app: { id: 1, slug: 'specgate' }, pull_requests: [],
  };
}

export function issueJson(repo: Repo, issue: Issue, base: string): Record<string, unknown> {
  return {
    id: issue.number + 700_000, number: issue.number, title: issue.title, body: issue.body, state: issue.state, state_reason: issue.state_reason,
    labels: issue.labels.map((name, i) => ({ id: i + 1, name })), user: userJson(issue.user),
    html_url: `${base}/${repo.fullName}/issues/${issue.number}`,
    ...(issue.isPull ? { pull_request: { url: `${base}/repos/${repo.fullName}/pulls/${issue.number}` } } : {}),
  };
}

export function commentJson(repo: Repo, comment: Comment, base: string): Record<string, unknown> {
  return {
    id: comment.id, body: comment.body, user: userJson(comment.user),
    html_url: `${base}/${repo.fullName}/issues/${comment.issue_number}#issuecomment-${comment.id}`,
  };
}
