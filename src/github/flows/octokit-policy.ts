/** How many times a rate-limited request is tried again before the run concludes as failed. */
const RATE_LIMIT_RETRIES = 2;

type Handler = (after: number, request: unknown, octokit: unknown, retryCount: number) => boolean;

/**
 * The retry and throttling options both shells give Octokit (plugin-retry, plugin-throttling):
 * 5xx and timeouts retried, secondary rate limits retried after `Retry-After` (the plugins'
 * own defaults only log them, which would leave a check unfinished), primary limits waited
 * out only when the wait is short.
 */
export const RETRY_POLICY: { retry: { retries: number }; throttle: { enabled: true; onSecondaryRateLimit: Handler; onRateLimit: Handler } } = {
  retry: { retries: 3 },
  throttle: {
    enabled: true,
    onSecondaryRateLimit: (_after, _request, _octokit, retryCount) => retryCount < RATE_LIMIT_RETRIES,
    onRateLimit: (after, _request, _octokit, retryCount) => retryCount < RATE_LIMIT_RETRIES && after <= 60,
  },
};

/** Per-request timeout: a GitHub that never answers is retried, never waited on forever. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** `fetch` with a timeout per attempt, so Octokit's retry plugin sees a hung request as a failure. */
export function timedFetch(timeoutMs: number): typeof fetch {
  return (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}
