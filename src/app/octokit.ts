import { ProbotOctokit } from 'probot';
import { RETRY_POLICY } from '../github/flows/index.js';

type Options = NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>;

/**
 * Probot's Octokit with the retry and throttling plugins set to specgate's
 * {@link RETRY_POLICY} (Probot's own handler only logs secondary rate limits).
 * `overrides` are merged last (tests shorten delays).
 */
export function appOctokit(overrides: { retry?: Record<string, unknown>; throttle?: Record<string, unknown> } = {}): typeof ProbotOctokit {
  return ProbotOctokit.defaults((options: Options) => ({
    ...options,
    retry: { ...RETRY_POLICY.retry, ...(options as { retry?: object }).retry, ...overrides.retry },
    throttle: { ...(options as { throttle?: object }).throttle, ...RETRY_POLICY.throttle, ...overrides.throttle },
  })) as typeof ProbotOctokit;
}
