import type { Context } from 'probot';
import {
  closeAbandoned, closeResolved, gateMergeGroup, gateOpenPullRequests, gatePullRequest, runCommands, type GateResult,
} from '../github/flows/index.js';
import { appPort, type AppSettings } from './port.js';

/** The App presents a result by logging it: GitHub already shows the check runs and issues. */
function logGate(context: Context, result: GateResult): void {
  // A failure is logged by the use case, with its error.
  if (result.kind === 'failed') return;
  const detail = result.kind === 'gated' ? { outcome: result.outcome.kind, ...result.checks, notes: result.notes } : {};
  context.log.info({ sha: result.headSha, result: result.kind, ...detail }, 'specgate gated a commit');
}

/** opened, synchronize, reopened, ready_for_review: gate the new head. */
export async function onPullRequest(context: Context<'pull_request'>, settings: AppSettings): Promise<void> {
  const { pull_request: pull, repository } = context.payload;
  const input = { owner: repository.owner.login, repo: repository.name, number: pull.number, headSha: pull.head.sha };
  logGate(context, await gatePullRequest(appPort(context, settings), input));
}

/** Closed without merging: its clarification issues are closed as not planned. */
export async function onPullRequestClosed(context: Context<'pull_request.closed'>, settings: AppSettings): Promise<void> {
  const { pull_request: pull, repository } = context.payload;
  if (pull.merged) return;
  const result = await closeAbandoned(appPort(context, settings), { owner: repository.owner.login, repo: repository.name, number: pull.number, baseSha: pull.base.sha });
  context.log.info({ pull: pull.number, ...result }, 'specgate closed the clarification issues of an unmerged pull request');
}

/** requested / rerequested ("Re-run all checks"): gate every PR whose head this is. */
export async function onCheckSuite(context: Context<'check_suite'>, settings: AppSettings): Promise<void> {
  const { check_suite: suite, repository } = context.payload;
  const input = { owner: repository.owner.login, repo: repository.name, sha: suite.head_sha, numbers: suite.pull_requests.map((pull) => pull.number) };
  for (const result of await gateOpenPullRequests(appPort(context, settings), input)) logGate(context, result);
}

/** "Re-run" on one run, or a button: `recheck` gates again, `clarify` also opens issues. */
export async function onCheckRun(context: Context<'check_run'>, settings: AppSettings): Promise<void> {
  const { check_run: run, repository } = context.payload;
  const identifier = context.payload.action === 'requested_action' ? context.payload.requested_action?.identifier : 'recheck';
  if (!run.name.startsWith('specgate') || (identifier !== 'recheck' && identifier !== 'clarify')) return;
  const input = { owner: repository.owner.login, repo: repository.name, sha: run.head_sha, numbers: run.pull_requests.map((pull) => pull.number), clarify: identifier === 'clarify' };
  for (const result of await gateOpenPullRequests(appPort(context, settings), input)) logGate(context, result);
}

/** Merge queues need `specgate` on the merge group's head too. */
export async function onMergeGroup(context: Context<'merge_group.checks_requested'>, settings: AppSettings): Promise<void> {
  const { merge_group: group, repository } = context.payload;
  if (!repository) return;
  const input = { owner: repository.owner.login, repo: repository.name, headSha: group.head_sha, baseSha: group.base_sha, headRef: group.head_ref };
  logGate(context, await gateMergeGroup(appPort(context, settings), input));
}

/** `/specgate <verb>` lines in PR comments. */
export async function onIssueComment(context: Context<'issue_comment.created'>, settings: AppSettings): Promise<void> {
  const { comment, issue, repository } = context.payload;
  const result = await runCommands(appPort(context, settings), {
    owner: repository.owner.login, repo: repository.name, issueNumber: issue.number, commentId: comment.id, body: comment.body ?? '',
    author: comment.user?.login ?? 'unknown', fromBot: comment.user?.type === 'Bot' || comment.user?.login.endsWith('[bot]') === true,
    isPullRequest: Boolean(issue.pull_request),
  });
  if (result.kind === 'answered' && result.gate) logGate(context, result.gate);
}

/** A push to the default branch: re-gates on config changes, closes answered clarifications of merged PRs. */
export async function onPush(context: Context<'push'>, settings: AppSettings): Promise<void> {
  const { payload } = context;
  if (payload.ref !== `refs/heads/${payload.repository.default_branch}` || payload.deleted) return;
  const owner = payload.repository.owner?.login ?? payload.repository.full_name.split('/')[0]!;
  const touched = new Set(payload.commits.flatMap((commit) => [...(commit.added ?? []), ...(commit.modified ?? []), ...(commit.removed ?? [])]));
  const result = await closeResolved(appPort(context, settings), { owner, repo: payload.repository.name, sha: payload.after, touched, judge: 'merged' });
  for (const gate of result.regated) logGate(context, gate);
  if (result.kind === 'closed' && result.closed.length > 0) context.log.info({ closed: result.closed }, 'specgate closed resolved clarification issues');
}
