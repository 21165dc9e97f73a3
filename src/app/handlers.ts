import type { Context } from 'probot';
import { payloadRepo, resolveJob, runJob, type GateResult, type Job, type JobResult, type PushPolicy } from '../github/flows/index.js';
import { appPort, type AppSettings } from './port.js';

/**
 * The webhooks the App subscribes to; the others (a PR edited, labelled) change nothing
 * specgate reads. Each maps to a use case in src/github/flows/event-job.ts, as the Action's events do.
 */
export const APP_EVENTS = [
  'pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened', 'pull_request.ready_for_review', 'pull_request.closed',
  'check_suite.requested', 'check_suite.rerequested', 'check_run.rerequested', 'check_run.requested_action',
  'merge_group.checks_requested', 'issue_comment.created', 'push',
] as const;

/**
 * A push to the default branch re-gates open PRs when the config or the constitution
 * changed, and judges the issues of closed PRs on the touched files only: open PRs keep
 * their issues in step themselves (see docs/app-and-action.md).
 */
const PUSH_POLICY: PushPolicy = { judge: 'merged', regate: true };

/** The App presents a result by logging it: GitHub already shows the check runs and issues. */
function logGate(context: Context, result: GateResult): void {
  // A failure is logged by the use case, with its error.
  if (result.kind === 'failed') return;
  const detail = result.kind === 'gated' ? { outcome: result.outcome.kind, ...result.checks, notes: result.notes } : {};
  context.log.info({ sha: result.headSha, result: result.kind, ...detail }, 'specgate gated a commit');
}

/** Maps one webhook to its use case, runs it through the App's port and logs what happened. */
export async function onEvent(context: Context, settings: AppSettings): Promise<void> {
  const payload = context.payload as unknown as Record<string, unknown>;
  const job = resolveJob({ name: context.name, payload, actor: context.payload.sender?.login ?? '' });
  const repo = payloadRepo(payload);
  if (job.kind === 'skip' || !repo) return;
  logResult(context, job, await runJob(appPort(context, settings), repo, job, PUSH_POLICY));
}

function logResult(context: Context, job: Job, result: JobResult): void {
  if (result.kind === 'gated') {
    for (const gate of result.results) logGate(context, gate);
  } else if (result.kind === 'commands') {
    if (result.result.kind === 'answered' && result.result.gate) logGate(context, result.result.gate);
  } else if ('regated' in result.result) {
    for (const gate of result.result.regated) logGate(context, gate);
    if (result.result.kind === 'closed' && result.result.closed.length > 0) context.log.info({ closed: result.result.closed }, 'specgate closed resolved clarification issues');
  } else if (job.kind === 'pr-closed') {
    context.log.info({ pull: job.number, ...result.result }, 'specgate closed the clarification issues of an unmerged pull request');
  }
}
