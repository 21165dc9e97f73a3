import type { Context } from 'probot';
import {
  DEFAULT_STALE_AFTER_MS, DEFAULT_SWEEP_EVERY_MS, DEFAULT_SWEEP_PULLS, payloadRepo, resolveJob, runJob, sweepStaleRuns, SweepSchedule,
  type FlowPort, type GateResult, type Job, type JobResult, type PushPolicy, type RepoInput,
} from '../github/flows/index.js';
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

/**
 * Maps one webhook to its use case, runs it through the App's port and logs what happened;
 * then, for a repository that opted in, concludes runs left behind (see {@link sweepAfter}).
 */
export async function onEvent(context: Context, settings: AppSettings): Promise<void> {
  const payload = context.payload as unknown as Record<string, unknown>;
  const job = resolveJob({ name: context.name, payload, actor: context.payload.sender?.login ?? '' });
  const repo = payloadRepo(payload);
  if (job.kind === 'skip' || !repo) return;
  const port = appPort(context, settings);
  const result = await runJob(port, repo, job, PUSH_POLICY);
  logResult(context, job, result);
  await sweepAfter(context, settings, { port, repo, job, result });
}

/** One sweep schedule per app instance (per process): at most one sweep per repository per `everyMs`. */
const schedules = new WeakMap<AppSettings, SweepSchedule>();

/**
 * A later event for a repository, or the Re-run button, concludes `specgate` runs left
 * `in_progress` (a replica that died mid-gating, a GitHub that refused every update). Only
 * after a gating that was not silent or a command (a repository that never opted in costs
 * nothing), at most once per repository per `everyMs` (10 min) in this process; a re-run
 * (`check_run.rerequested`, `check_suite.rerequested`) always sweeps, its own commit included.
 * Costs 1 + (open PRs looked at, ≤ `maxPulls`) requests, plus 2 per head with a run left behind.
 * A failing sweep is logged; it never fails the delivery.
 */
async function sweepAfter(context: Context, settings: AppSettings, done: { port: FlowPort; repo: RepoInput; job: Job; result: JobResult }): Promise<void> {
  const rerun = (context.payload as { action?: string }).action === 'rerequested' && done.job.kind === 'recheck' ? done.job.sha : undefined;
  const opted = done.result.kind === 'commands' || (done.result.kind === 'gated' && done.result.results.some((gate) => gate.kind !== 'silent'));
  if (!rerun && !opted) return;
  const options = settings.staleRuns ?? {};
  let schedule = schedules.get(settings);
  if (!schedule) schedules.set(settings, (schedule = new SweepSchedule(options.everyMs ?? DEFAULT_SWEEP_EVERY_MS)));
  if (!schedule.take(done.repo, Date.now(), rerun !== undefined)) return;
  try {
    const swept = await sweepStaleRuns(done.port, done.repo, {
      staleAfterMs: options.afterMs ?? DEFAULT_STALE_AFTER_MS, maxPulls: options.maxPulls ?? DEFAULT_SWEEP_PULLS, ...(rerun ? { heads: [rerun] } : {}),
    });
    if (swept.concluded.length > 0) context.log.warn({ ...swept }, 'specgate concluded check runs left in progress');
  } catch (error) {
    context.log.warn({ err: error }, 'specgate could not look for check runs left in progress; the next event tries again');
  }
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
