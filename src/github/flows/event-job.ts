import type { RepoInput } from './ports.js';

/**
 * What one GitHub event asks specgate to do. The App's webhooks and the Action's event
 * payloads are the same payloads, so both shells map them here.
 */
export type Job =
  /** `readOnly`: the event's workflow token is read-only (fork and Dependabot `pull_request` runs); an App's installation token never is. */
  | { kind: 'pull-request'; number: number; readOnly?: { why: string }; headSha?: string }
  /** Re-run or a button on a check run: gate the open PRs whose head is `sha`. */
  | { kind: 'recheck'; sha: string; numbers: number[]; clarify: boolean }
  | { kind: 'merge-group'; headSha: string; baseSha: string; headRef?: string }
  /** `fromBot` is present when the author is a bot account (type `Bot`, or a `[bot]` login). */
  | { kind: 'command'; issueNumber: number; commentId: number; body: string; author: string; isPullRequest: boolean; fromBot?: true }
  /** `touched`: the paths the push's commits added, changed or removed. */
  | { kind: 'push'; after: string; ref: string; touched: string[] }
  | { kind: 'pr-closed'; number: number; baseSha: string }
  | { kind: 'skip'; reason: string };

/** An event's name, its payload and who triggered it. */
export interface EventInput {
  name: string;
  payload: Record<string, unknown>;
  actor: string;
}

/** The payload does not carry what the event needs; `fix` says what to change. */
export class PayloadError extends Error {
  readonly fix: string;

  constructor(message: string, fix: string) {
    super(message);
    this.name = 'PayloadError';
    this.fix = fix;
  }
}

type Json = Record<string, unknown> | undefined;
const obj = (value: unknown): Json => (value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The repository a payload is about (a push's `repository.owner` may be its `name` only), or undefined. */
export function payloadRepo(payload: Record<string, unknown>): RepoInput | undefined {
  const repository = obj(payload.repository);
  const owner = str(obj(repository?.owner)?.login) || str(repository?.full_name).split('/')[0];
  const repo = str(repository?.name);
  return owner && repo ? { owner, repo } : undefined;
}

/** Decides what to do for one event; pure, so every event shape is tested without a server or a runner. */
export function resolveJob(event: EventInput): Job {
  const { name, payload } = event;
  switch (name) {
    case 'pull_request':
    case 'pull_request_target':
      return pullRequestJob(event);
    case 'check_suite':
    case 'check_run':
      return recheckJob(name, payload);
    case 'merge_group': {
      const group = obj(payload.merge_group);
      const headRef = str(group?.head_ref);
      return { kind: 'merge-group', headSha: str(group?.head_sha), baseSha: str(group?.base_sha), ...(headRef ? { headRef } : {}) };
    }
    case 'issue_comment':
      return commentJob(payload);
    case 'push':
      return pushJob(payload);
    case 'workflow_dispatch':
      return dispatchJob(payload);
    default:
      return { kind: 'skip', reason: `specgate does nothing on \`${name}\` events; use \`pull_request\`, \`merge_group\`, \`issue_comment\`, \`push\` or \`workflow_dispatch\`, or the \`path\` input.` };
  }
}

function pullRequestJob({ name, payload, actor }: EventInput): Job {
  const pr = obj(payload.pull_request);
  const number = Number(pr?.number ?? payload.number);
  if (!pr || !Number.isInteger(number)) throw new PayloadError(`Missing \`pull_request\` in the \`${name}\` payload`, 'Check the workflow trigger.');
  if (payload.action === 'closed') {
    // A merged PR's clarifications are closed by the push to the default branch instead.
    if (pr.merged === true) return { kind: 'skip', reason: `Pull request #${number} was merged; the push to the default branch closes resolved clarification issues.` };
    return { kind: 'pr-closed', number, baseSha: str(obj(pr.base)?.sha) };
  }
  // The head the event is about: a run for a head that has moved on is superseded.
  const headSha = str(obj(pr.head)?.sha);
  const job = { kind: 'pull-request' as const, number, ...(headSha ? { headSha } : {}) };
  // Only `pull_request` hands fork and Dependabot runs a read-only token;
  // `pull_request_target` runs with the base repository's token (and we never check out the head).
  if (name === 'pull_request') {
    const head = str(obj(obj(obj(pr.head)?.repo))?.full_name);
    const base = str(obj(obj(obj(pr.base)?.repo))?.full_name);
    if (head !== base) return { ...job, readOnly: { why: 'this pull request comes from a fork, so the workflow token is read-only' } };
    if (actor === 'dependabot[bot]') return { ...job, readOnly: { why: 'Dependabot runs get a read-only token' } };
  }
  return job;
}

/** `requested`/`rerequested` suites ("Re-run all checks"), and one specgate run's "Re-run" or its `recheck`/`clarify` button. */
function recheckJob(name: 'check_suite' | 'check_run', payload: Record<string, unknown>): Job {
  const target = obj(name === 'check_suite' ? payload.check_suite : payload.check_run);
  const numbers = (Array.isArray(target?.pull_requests) ? target.pull_requests : []).map((pull) => Number(obj(pull)?.number));
  const recheck = { kind: 'recheck' as const, sha: str(target?.head_sha), numbers };
  if (name === 'check_suite') {
    return payload.action === 'requested' || payload.action === 'rerequested' ? { ...recheck, clarify: false } : { kind: 'skip', reason: `specgate does nothing on \`check_suite.${str(payload.action)}\`.` };
  }
  const identifier = payload.action === 'requested_action' ? str(obj(payload.requested_action)?.identifier) : payload.action === 'rerequested' ? 'recheck' : '';
  if (!str(target?.name).startsWith('specgate') || (identifier !== 'recheck' && identifier !== 'clarify')) return { kind: 'skip', reason: 'Not a re-run or a button of a specgate check run.' };
  return { ...recheck, clarify: identifier === 'clarify' };
}

function commentJob(payload: Record<string, unknown>): Job {
  const issue = obj(payload.issue);
  const comment = obj(payload.comment);
  if (payload.action !== 'created' || !issue || !comment) return { kind: 'skip', reason: 'Only new comments can carry slash commands.' };
  const user = obj(comment.user);
  const author = str(user?.login);
  return {
    kind: 'command',
    issueNumber: Number(issue.number),
    commentId: Number(comment.id),
    body: str(comment.body),
    author,
    isPullRequest: obj(issue.pull_request) !== undefined,
    ...(user?.type === 'Bot' || author.endsWith('[bot]') ? { fromBot: true as const } : {}),
  };
}

function pushJob(payload: Record<string, unknown>): Job {
  const ref = str(payload.ref);
  const defaultBranch = str(obj(payload.repository)?.default_branch) || str(obj(payload.repository)?.master_branch);
  if (ref !== `refs/heads/${defaultBranch}`) return { kind: 'skip', reason: `Push to \`${ref}\` is not the default branch \`${defaultBranch}\`; clarification issues are only closed from the default branch.` };
  if (payload.deleted === true) return { kind: 'skip', reason: `The push deleted \`${ref}\`; nothing to judge.` };
  const commits = Array.isArray(payload.commits) ? payload.commits.map(obj) : [];
  const listed = (commit: Json, key: string): string[] => (Array.isArray(commit?.[key]) ? (commit[key] as unknown[]).map(str) : []);
  const touched = [...new Set(commits.flatMap((commit) => [...listed(commit, 'added'), ...listed(commit, 'modified'), ...listed(commit, 'removed')]))];
  return { kind: 'push', after: str(payload.after), ref, touched };
}

function dispatchJob(payload: Record<string, unknown>): Job {
  const value = str(obj(payload.inputs)?.['pull-request']).replace(/^#/, '').trim();
  const number = Number(value);
  if (value === '' || !Number.isInteger(number) || number <= 0) {
    throw new PayloadError(`Missing pull request number in the \`workflow_dispatch\` input \`pull-request\` (got \`${value}\`)`, 'Declare `on.workflow_dispatch.inputs.pull-request` and give a pull request number, or set the `path` input to gate the checked-out workspace.');
  }
  return { kind: 'pull-request', number };
}
