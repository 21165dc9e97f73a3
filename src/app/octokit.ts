import { ProbotOctokit } from 'probot';

type Options = NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>;

/** How many times a rate-limited request is tried again before the run concludes as failed. */
const RATE_LIMIT_RETRIES = 2;

/**
 * Probot's Octokit with the retry and throttling plugins set for specgate: 5xx and
 * timeouts retried (plugin-retry), secondary rate limits retried after `Retry-After`
 * (Probot's own handler only logs them, which would leave a check unfinished).
 * `overrides` are merged last (tests shorten delays).
 */
export function appOctokit(overrides: { retry?: Record<string, unknown>; throttle?: Record<string, unknown> } = {}): typeof ProbotOctokit {
  return ProbotOctokit.defaults((options: Options) => ({
    ...options,
    retry: { retries: 3, ...(options as { retry?: object }).retry, ...overrides.retry },
    throttle: {
      ...(options as { throttle?: object }).throttle,
      enabled: true,
      onSecondaryRateLimit: (_after: number, _request: unknown, _octokit: unknown, retryCount: number) => retryCount < RATE_LIMIT_RETRIES,
      onRateLimit: (after: number, _request: unknown, _octokit: unknown, retryCount: number) => retryCount < RATE_LIMIT_RETRIES && after <= 60,
      ...overrides.throttle,
    },
  })) as typeof ProbotOctokit;
}
