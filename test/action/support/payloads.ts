import { createRequire } from 'node:module';
import type { Pull, Repo } from '../../support/github-standin/index.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Example { name: string; examples: Json[] }

const examples = createRequire(import.meta.url)('@octokit/webhooks-examples/api.github.com/index.json') as Example[];

/** A deep copy of the first real webhook example of `name` matching `pick`. */
function example(name: string, pick: (payload: Json) => boolean = () => true): Json {
  const found = examples.find((entry) => entry.name === name)?.examples.find(pick);
  if (!found) throw new Error(`No webhook example for ${name}`);
  return structuredClone(found);
}

/** Points a real payload's repository at the stand-in's repository. */
function retarget(payload: Json, repo: Repo): Json {
  payload.repository.name = repo.name;
  payload.repository.full_name = repo.fullName;
  payload.repository.owner.login = repo.owner;
  payload.repository.default_branch = repo.defaultBranch;
  return payload;
}

/** `pull_request.opened` (from @octokit/webhooks-examples) for a stand-in PR; `fork` makes its head another repository. */
export function pullRequestOpened(repo: Repo, pull: Pull, options: { fork?: boolean } = {}): Json {
  const payload = retarget(example('pull_request', (p) => p.action === 'opened'), repo);
  payload.number = pull.number;
  const pr = payload.pull_request;
  pr.number = pull.number;
  pr.head.sha = pull.headSha;
  pr.head.ref = pull.headRef;
  pr.base.sha = pull.baseSha;
  pr.base.ref = pull.baseRef;
  pr.base.repo.full_name = repo.fullName;
  pr.head.repo.full_name = options.fork ? `contributor/${repo.name}` : repo.fullName;
  return payload;
}

/** `issue_comment.created` on a PR, with the comment body given. */
export function prComment(repo: Repo, pull: Pull, body: string, login: string, commentId: number): Json {
  const payload = retarget(example('issue_comment', (p) => p.action === 'created'), repo);
  payload.issue.number = pull.number;
  payload.issue.pull_request = { url: `https://api.github.com/repos/${repo.fullName}/pulls/${pull.number}` };
  payload.comment.id = commentId;
  payload.comment.body = body;
  payload.comment.user.login = login;
  return payload;
}

/** `push` to the default branch, after `sha`. */
export function pushToDefault(repo: Repo, before: string, after: string): Json {
  const payload = retarget(example('push'), repo);
  payload.ref = `refs/heads/${repo.defaultBranch}`;
  payload.before = before;
  payload.after = after;
  return payload;
}

/** `merge_group.checks_requested` for a queue commit. */
export function mergeGroup(repo: Repo, baseSha: string, headSha: string): Json {
  const payload = retarget(example('merge_group'), repo);
  payload.merge_group.head_sha = headSha;
  payload.merge_group.base_sha = baseSha;
  return payload;
}
