import type { Context } from 'probot';
import { DEFAULT_EVALUATION_TIMEOUT_MS } from '../github/flows/evaluate-pool.js';
import { loadConfigData, WriteGuard, type Evaluator, type FlowPort, type HeadLock } from '../github/flows/index.js';

/** What a gating may spend on GitHub requests besides the evaluation. */
const GITHUB_WORK_MS = 30_000;

/** App-wide settings (tests shorten the issue pacing and the deadline). */
export interface AppSettings {
  issueDelayMs: number;
  /** How long one evaluation may run before the check fails (default 60 s). */
  evaluationTimeoutMs?: number;
  /** The bound on the document models kept between gatings, in MiB; 0 keeps none (default 64). */
  modelCacheMb?: number;
  /** Runs the document work off the event loop; {@link specgateApp} creates a worker pool when absent. */
  evaluator?: Evaluator;
  /**
   * The App's own bot login (`<slug>[bot]`), or how to look it up: only its comments carry
   * waivers. {@link specgateApp} fills it in with a cached `GET /app` when absent.
   */
  botLogin?: string | (() => Promise<string>);
  /** Held around gating a head: shared by every replica with `REDIS_URL`; in-process when absent. */
  lock?: HeadLock;
  /**
   * The bound on one gating's work (default: the evaluation's deadline plus 30 s): past it,
   * `specgate` is concluded failed with the reason, whatever request still hangs.
   */
  gatingDeadlineMs?: number;
  /** Runs left `in_progress` (see src/github/flows/sweep-stale.ts): how old counts as left behind, how often a repository is swept, how many open PRs are looked at. */
  staleRuns?: { afterMs?: number; everyMs?: number; maxPulls?: number };
}

/**
 * The use cases' port for one webhook: the installation's Octokit, Probot's
 * `context.config` (default branch, `_extends`), its logger, the worker pool, and a write
 * policy that writes everything (no dry run; a refused write becomes a logged note).
 */
export function appPort(context: Context, settings: AppSettings): FlowPort {
  const { evaluator, botLogin } = settings;
  // Issue links point at the server the webhook came from (GHES too).
  const html = (context.payload as { repository?: { html_url?: string } }).repository?.html_url;
  if (!evaluator) throw new Error('Missing evaluator in the App settings, expected one; create the app with `specgateApp()`');
  return {
    octokit: context.octokit,
    readConfig: () => loadConfigData(() => context.config('specgate.yml')),
    log: context.log,
    evaluator,
    guard: new WriteGuard({ dryRun: false, checkRuns: true, issues: true }),
    // A login no account can have when none is set: waivers are then never read.
    botLogin: typeof botLogin === 'function' ? botLogin : () => Promise.resolve(botLogin ?? ' '),
    issueDelayMs: settings.issueDelayMs,
    deadlineMs: settings.gatingDeadlineMs ?? (settings.evaluationTimeoutMs ?? DEFAULT_EVALUATION_TIMEOUT_MS) + GITHUB_WORK_MS,
    ...(settings.lock ? { lock: settings.lock } : {}),
    ...(html ? { serverUrl: new URL(html).origin } : {}),
  };
}
