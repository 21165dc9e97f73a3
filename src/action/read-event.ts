import { readFileSync } from 'node:fs';
import { EventError } from './errors.js';

/** What the triggering event asks the Action to do. */
export type Job =
  | { kind: 'pull-request'; number: number; readOnly?: { why: string }; headSha?: string }
  | { kind: 'merge-group'; headSha: string; baseSha: string; headRef?: string }
  | { kind: 'command'; issueNumber: number; commentId: number; body: string; author: string; isPullRequest: boolean }
  | { kind: 'push'; after: string; ref: string }
  | { kind: 'pr-closed'; number: number; baseSha: string }
  | { kind: 'skip'; reason: string };

/** The event name, its payload and the repository, as the runner hands them over. */
export interface EventInput {
  name: string;
  payload: Record<string, unknown>;
  actor: string;
}

/** Reads `GITHUB_EVENT_NAME` and the payload at `GITHUB_EVENT_PATH`. */
export function readEventFromEnv(env: NodeJS.ProcessEnv = process.env): EventInput {
  const path = env.GITHUB_EVENT_PATH;
  if (!env.GITHUB_EVENT_NAME || !path) {
    throw new EventError('Missing `GITHUB_EVENT_NAME` or `GITHUB_EVENT_PATH`', 'Run specgate as a step of a GitHub Actions workflow, or use the CLI (`specgate check`) locally.');
  }
  const payload = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  return { name: env.GITHUB_EVENT_NAME, payload, actor: env.GITHUB_ACTOR ?? '' };
}

/**
 * `path` gates the checked-out workspace. Under `pull_request_target` the job holds the base
 * repository's write token, and a workspace holding the pull request's head would be a
 * fork's files judged, and answered, with that token: refused. Without `path` specgate reads
 * the pull request's files through the API, as data.
 */
export function refuseUnsafeWorkspace(eventName: string | undefined, path: string | undefined): void {
  if (eventName !== 'pull_request_target' || path === undefined) return;
  throw new EventError(
    'Unexpected input `path` on a `pull_request_target` event: it would gate checked-out files of the pull request with the base repository\'s write token',
    'Remove `path` to gate the pull request through the API (specgate reads its files as data and executes nothing), or run on `pull_request`, whose token is read-only for forks.',
  );
}

type Json = Record<string, unknown> | undefined;
const obj = (value: unknown): Json => (value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Decides what to do for one event; pure, so every event shape is tested without a runner. */
export function resolveJob(event: EventInput): Job {
  const { name, payload } = event;
  switch (name) {
    case 'pull_request':
    case 'pull_request_target':
      return pullRequestJob(event);
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
  if (!pr || !Number.isInteger(number)) throw new EventError(`Missing \`pull_request\` in the \`${name}\` payload`, 'Check the workflow trigger.');
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

function commentJob(payload: Record<string, unknown>): Job {
  const issue = obj(payload.issue);
  const comment = obj(payload.comment);
  if (payload.action !== 'created' || !issue || !comment) return { kind: 'skip', reason: 'Only new comments can carry slash commands.' };
  return {
    kind: 'command',
    issueNumber: Number(issue.number),
    commentId: Number(comment.id),
    body: str(comment.body),
    author: str(obj(comment.user)?.login),
    isPullRequest: obj(issue.pull_request) !== undefined,
  };
}

function pushJob(payload: Record<string, unknown>): Job {
  const ref = str(payload.ref);
  const defaultBranch = str(obj(payload.repository)?.default_branch) || str(obj(payload.repository)?.master_branch);
  if (ref !== `refs/heads/${defaultBranch}`) return { kind: 'skip', reason: `Push to \`${ref}\` is not the default branch \`${defaultBranch}\`; clarification issues are only closed from the default branch.` };
  return { kind: 'push', after: str(payload.after), ref };
}

function dispatchJob(payload: Record<string, unknown>): Job {
  const value = str(obj(payload.inputs)?.['pull-request']).replace(/^#/, '').trim();
  const number = Number(value);
  if (value === '' || !Number.isInteger(number) || number <= 0) {
    throw new EventError(`Missing pull request number in the \`workflow_dispatch\` input \`pull-request\` (got \`${value}\`)`, 'Declare `on.workflow_dispatch.inputs.pull-request` and give a pull request number, or set the `path` input to gate the checked-out workspace.');
  }
  return { kind: 'pull-request', number };
}
