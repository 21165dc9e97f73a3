import type { GitHubClient } from '../client.js';
import type { FlowPort } from './ports.js';

/** The bound on one gating's work when the port sets none: the evaluation's own 60 s plus 30 s of GitHub requests. */
export const DEFAULT_GATING_DEADLINE_MS = 90_000;

/** How long the failure conclusion itself may take once the work stopped (at most half the deadline; a fresh request, never the hung one). */
export const CONCLUDE_BOUND_MS = 15_000;

/** A step of a gating that GitHub failed for good; its message is the reason the check shows. */
export class GitHubStepError extends Error {
  readonly step: string;

  constructor(step: string, cause: unknown) {
    super(describeFailure(step, cause), { cause });
    this.name = 'GitHubStepError';
    this.step = step;
  }
}

/** The gating ran past its deadline; `pending` names the steps GitHub had not answered yet. */
export class DeadlineError extends Error {
  constructor(ms: number, pending: readonly string[]) {
    const waiting = pending.length > 0 ? `: GitHub had not answered ${pending.join(', ')}` : '';
    super(`specgate did not finish within ${formatSeconds(ms)}${waiting}; Re-run to try again`);
    this.name = 'DeadlineError';
  }
}

function formatSeconds(ms: number): string {
  return ms % 1_000 === 0 ? `${ms / 1_000} s` : `${(ms / 1_000).toFixed(1)} s`;
}

/** Whether an error is a request that timed out (the shells' per-attempt `AbortSignal.timeout`). */
function isTimeout(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 4; current = (current as { cause?: unknown }).cause, depth += 1) {
    const { name, message } = current as { name?: unknown; message?: unknown };
    if (name === 'TimeoutError' || (typeof message === 'string' && /aborted due to timeout|timed? ?out/i.test(message))) return true;
  }
  return false;
}

/**
 * The reason a check shows when GitHub failed `step` for good ("reading the pull request"),
 * worded for what GitHub did: a 5xx, a secondary or primary rate limit, no answer in time.
 */
export function describeFailure(step: string, error: unknown): string {
  const { status, message } = (error ?? {}) as { status?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  if (isTimeout(error)) return `GitHub did not answer ${step} in time (every attempt timed out); Re-run to try again`;
  if (/secondary rate limit/i.test(text)) return `GitHub's secondary rate limit refused ${step} (still limited after the retries); Re-run to try again in a few minutes`;
  if (/rate limit/i.test(text)) return `GitHub's rate limit refused ${step} (the installation's requests for this hour are used up); Re-run to try again after it resets`;
  if (typeof status === 'number') return `GitHub answered ${status} ${step}; Re-run to try again`;
  return `${step} failed: ${text.split('\n')[0]}; Re-run to try again`;
}

/** Whether an error came from GitHub (an HTTP status, or a request that timed out) rather than from specgate. */
function fromGitHub(error: unknown): boolean {
  return typeof (error as { status?: unknown } | null)?.status === 'number' || isTimeout(error);
}

/** Runs `work` as the named step: a GitHub failure is labelled with it (a labelled one, or one of specgate's own, passes as is). */
export async function labelled<T>(what: string, work: PromiseLike<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw error instanceof GitHubStepError || error instanceof DeadlineError || !fromGitHub(error) ? error : new GitHubStepError(what, error);
  }
}

/** A gating's deadline: its timer, the steps in flight, and the promise that rejects when it passes. */
export interface Deadline {
  readonly ms: number;
  readonly expired: boolean;
  /** Rejects with a {@link DeadlineError} when the deadline passes (never resolves). */
  readonly passed: Promise<never>;
  /** Runs `work` as the named step: a GitHub failure is labelled with it; it counts as pending at the deadline. */
  step<T>(what: string, work: PromiseLike<T>): Promise<T>;
  clear(): void;
}

/** Starts a deadline of `ms`; `clear` it when the gating ends. */
export function startDeadline(ms: number): Deadline {
  const pending = new Map<number, string>();
  let next = 0;
  let expired = false;
  let timer: NodeJS.Timeout | undefined;
  const passed = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      expired = true;
      reject(new DeadlineError(ms, [...new Set(pending.values())]));
    }, ms);
  });
  passed.catch(() => undefined);
  return {
    ms,
    get expired() {
      return expired;
    },
    passed,
    async step<T>(what: string, work: PromiseLike<T>): Promise<T> {
      const id = (next += 1);
      pending.set(id, what);
      try {
        return await labelled(what, work);
      } finally {
        pending.delete(id);
      }
    },
    clear: () => clearTimeout(timer),
  };
}

/**
 * The port a gating works through: every request of its client is refused once the
 * deadline passed, and one in flight is abandoned then (raced with the deadline), so a
 * hung request never holds the gating, and work left running writes nothing new.
 */
export function boundedPort(port: FlowPort, deadline: Deadline): FlowPort {
  const bounded = <T>(call: () => Promise<T>): Promise<T> => (deadline.expired ? deadline.passed : Promise.race([call(), deadline.passed]));
  const octokit: GitHubClient = {
    request: (route, parameters) => bounded(() => port.octokit.request(route, parameters)),
    graphql: (query, variables) => bounded(() => port.octokit.graphql(query, variables)),
  };
  return { ...port, octokit, botLogin: () => deadline.step("reading specgate's own login (GET /app)", port.botLogin()) };
}
