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
    throttle: { ...installationLane(options), ...(options as { throttle?: object }).throttle, ...RETRY_POLICY.throttle, ...overrides.throttle },
  })) as typeof ProbotOctokit;
}

/**
 * One throttling lane per installation: the webhook's Octokit (built by Probot's auth) carries
 * no `throttle.id`, so without this every installation of every replica would share the one
 * `no-id` write lane (writes of unrelated installations queued one a second behind each other).
 */
function installationLane(options: Options): { id?: string } {
  const installationId = (options as { auth?: { installationId?: unknown } }).auth?.installationId;
  return installationId === undefined || installationId === null ? {} : { id: `installation-${String(installationId)}` };
}

/** plugin-throttling's defaults: one write at a time, at least a second apart (GitHub's guidance for content-creating requests); three for those that notify. */
const DEFAULT_WRITE_INTERVAL_MS = 1_000;
const NOTIFICATION_FACTOR = 3;
/** plugin-throttling's lifetime of its limiters' keys in Redis. */
const REDIS_TTL_MS = 120_000;
/** After Redis failed a job, how long the replica's own limiters serve before Redis is tried again. */
const LOCAL_FOR_MS = 10_000;

/** The Redis throttling of one replica: Bottleneck's connection, and where to say that Redis failed (once an outage). */
export interface SharedThrottle {
  connection: Bottleneck.IORedisConnection;
  log: { warn(object: object, message: string): void; info(message: string): void };
}

type Schedule = (options: Bottleneck.JobOptions, task: (...args: unknown[]) => Promise<unknown>, ...args: unknown[]) => Promise<unknown>;
/** What plugin-throttling asks of a group: `key(id).schedule(...)`. */
interface ThrottleGroup { key(id: string): { schedule: Schedule } }

/**
 * plugin-throttling options for {@link appOctokit}. With `shared`, the plugin's five
 * groups (same settings as its own) keep their state in Redis, so every replica counts
 * against the same limits, as Probot's `REDIS_URL` does (Probot builds the same
 * `IORedisConnection` from a client of its own, imported through npx-import-light; this is
 * the App's, see src/app/redis.ts). A job Redis fails before it ran (Redis down) is run by
 * this replica's own limiter instead, and for the next 10 s every job is: throttling must
 * not stop the gate. `writeIntervalMs` other than 1 s paces writes (and notifying writes,
 * three times as long). RETRY_POLICY's rate-limit handlers are kept ({@link appOctokit}).
 */
export function throttleOptions(shared: SharedThrottle | undefined, writeIntervalMs = DEFAULT_WRITE_INTERVAL_MS): Record<string, unknown> {
  const settings: Record<string, Bottleneck.ConstructorOptions> = {
    global: { maxConcurrent: 10 }, auth: { maxConcurrent: 1 }, search: { maxConcurrent: 1, minTime: 2_000 },
    write: { maxConcurrent: 1, minTime: writeIntervalMs }, notifications: { maxConcurrent: 1, minTime: writeIntervalMs * NOTIFICATION_FACTOR },
  };
  if (!shared) {
    if (writeIntervalMs === DEFAULT_WRITE_INTERVAL_MS) return {};
    return { write: new Bottleneck.Group(settings['write']), notifications: new Bottleneck.Group(settings['notifications']) };
  }
  const outage = localWhileDown(shared.log);
  const groups = Object.fromEntries(Object.entries(settings).map(([name, options]) => [name, resilient(new Bottleneck.Group({ ...options, id: `octokit-${name}`, timeout: REDIS_TTL_MS, connection: shared.connection }), new Bottleneck.Group(options), outage)]));
  // `clustering` gives each job the plugin's 60 s expiration, as with its own Redis groups.
  return { ...groups, clustering: true };
}

/** When the replica's own limiters serve, and the one line per outage. */
function localWhileDown(log: SharedThrottle['log']): { local(): boolean; failed(error: unknown): void; served(): void } {
  let until = 0;
  return {
    local: () => Date.now() < until,
    failed: (error) => {
      if (until === 0) log.warn({ err: error }, `specgate: Redis throttling failed (${(error as Error).message}): this replica throttles by itself until Redis answers`);
      until = Date.now() + LOCAL_FOR_MS;
    },
    served: () => {
      if (until !== 0) log.info('specgate: Redis throttling answers again');
      until = 0;
    },
  };
}

/** A Redis group whose jobs fall back to `local` when Redis fails them before they ran; a job that ran is never run twice. */
function resilient(shared: Bottleneck.Group, local: Bottleneck.Group, outage: ReturnType<typeof localWhileDown>): ThrottleGroup {
  return {
    key: (id) => ({
      schedule: async (options, task, ...args) => {
        if (outage.local()) return (local.key(id).schedule as Schedule)(options, task, ...args);
        let ran: { value: unknown } | { error: unknown } | undefined;
        const tracked = async (...given: unknown[]): Promise<unknown> => {
          try {
            ran = { value: await task(...given) };
            return ran.value;
          } catch (error) {
            ran = { error };
            throw error;
          }
        };
        try {
          const value = await (shared.key(id).schedule as Schedule)(options, tracked, ...args);
          outage.served();
          return value;
        } catch (error) {
          if (ran) {
            if ('error' in ran) throw ran.error;
            return ran.value;
          }
          outage.failed(error);
          return (local.key(id).schedule as Schedule)(options, task, ...args);
        }
      },
    }),
  };
}
