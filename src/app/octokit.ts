import Bottleneck from 'bottleneck';
import { ProbotOctokit } from 'probot';
import { RETRY_POLICY } from '../github/flows/index.js';

type Options = NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>;

/**
 * Probot's Octokit with the retry and throttling plugins set to specgate's
 * {@link RETRY_POLICY} (Probot's own handler only logs secondary rate limits).
 * `overrides` are merged last (tests shorten delays; {@link throttleOptions} shares the
 * throttling through Redis).
 */
export function appOctokit(overrides: { retry?: Record<string, unknown>; throttle?: Record<string, unknown> } = {}): typeof ProbotOctokit {
  return ProbotOctokit.defaults((options: Options) => ({
    ...options,
    retry: { ...RETRY_POLICY.retry, ...(options as { retry?: object }).retry, ...overrides.retry },
    throttle: { ...(options as { throttle?: object }).throttle, ...RETRY_POLICY.throttle, ...overrides.throttle },
  })) as typeof ProbotOctokit;
}

/** plugin-throttling's defaults: one write at a time, at least a second apart (GitHub's guidance for content-creating requests); three for those that notify. */
const DEFAULT_WRITE_INTERVAL_MS = 1_000;
const NOTIFICATION_FACTOR = 3;
/** plugin-throttling's lifetime of its limiters' keys in Redis. */
const REDIS_TTL_MS = 120_000;

type SharedThrottle = { Bottleneck: typeof Bottleneck; connection: Bottleneck.IORedisConnection };

/**
 * plugin-throttling options for {@link appOctokit}: with `shared` (Bottleneck and its
 * Redis connection), every replica's limiters keep their state in that Redis, as Probot's
 * `REDIS_URL` does (Probot builds the same `IORedisConnection`, but from a client of its
 * own; this one is the App's, see src/app/redis.ts). The write and notification groups are
 * made here only when `writeIntervalMs` is not the plugin's 1 s (notifications, such as a
 * new issue, wait three times as long, as the plugin's 3 s); the other groups, and
 * RETRY_POLICY's rate-limit handlers, are the plugin's own.
 */
export function throttleOptions(shared: SharedThrottle | undefined, writeIntervalMs = DEFAULT_WRITE_INTERVAL_MS): Record<string, unknown> {
  const connection = shared ? { connection: shared.connection } : {};
  const paced = writeIntervalMs === DEFAULT_WRITE_INTERVAL_MS ? {} : {
    write: new Bottleneck.Group({ id: 'octokit-write', maxConcurrent: 1, minTime: writeIntervalMs, timeout: REDIS_TTL_MS, ...connection }),
    notifications: new Bottleneck.Group({ id: 'octokit-notifications', maxConcurrent: 1, minTime: writeIntervalMs * NOTIFICATION_FACTOR, timeout: REDIS_TTL_MS, ...connection }),
  };
  return { ...(shared ? { Bottleneck: shared.Bottleneck, ...connection } : {}), ...paced };
}
