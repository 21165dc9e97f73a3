import Bottleneck from 'bottleneck';
import { Redis } from 'ioredis';
import { ExecutionError, Redlock, ResourceLockedError, type Lock } from '@sesamecare-oss/redlock';
import type { Logger } from 'pino';
import { createInProcessLock, type HeadLock } from '../github/flows/index.js';
import type { SharedThrottle } from './octokit.js';

/** The lock's lease: shorter than GitHub's 10 s webhook timeout, renewed every third of it while gating. */
export const LOCK_LEASE_MS = 8_000;
/** How long a gating waits for another replica's lock, about the bound of one gating's work. */
export const LOCK_WAIT_MS = 60_000;
const RETRY_DELAY_MS = 100;
const CONNECT_TIMEOUT_MS = 2_000;

export interface RedisOptions {
  log: Pick<Logger, 'info' | 'warn'>;
  leaseMs?: number;
  waitMs?: number;
  connectTimeoutMs?: number;
}

/** What the replicas share through one Redis: the lock per head, and Probot's throttling (Bottleneck's Redis datastore). */
export interface SharedRedis {
  lock: HeadLock;
  /** For `throttleOptions` (src/app/octokit.ts): plugin-throttling's Bottleneck groups keep their state in this Redis. */
  throttle: SharedThrottle;
  close(): Promise<void>;
}

/**
 * Connects to the Redis at `url` (`redis://` or `rediss://`). Resolves to undefined when it
 * cannot be reached within the connect timeout: that is logged once, and the App then keeps
 * its in-process lock and throttling (one replica's guarantees; the writes' idempotence
 * still holds across replicas), because a gate must not stop because Redis is down.
 */
export async function connectRedis(url: string, options: RedisOptions): Promise<SharedRedis | undefined> {
  const { log } = options;
  // Commands fail at once while disconnected (no offline queue): a gating falls back instead of waiting on Redis.
  // Reconnections (every 2 s at most) once it has answered; none when the first connection fails.
  let answered = false;
  const client = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS, retryStrategy: (times) => (answered ? Math.min(times * 200, 2_000) : null) });
  client.once('ready', () => (answered = true));
  // ioredis reports every failed reconnection; the lock says once what that means for gating.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    log.warn({ err: error }, `specgate: Redis at ${redacted(url)} unreachable (${(error as Error).message}): gating uses the in-process lock and throttling of this replica only`);
    return undefined;
  }
  // Bottleneck duplicates the client it is given for its subscriber: that one connects by itself (not lazily) and
  // queues what it is asked before it is ready (its SUBSCRIBE to each limiter's channel), failing after one reconnection.
  const connection = new Bottleneck.IORedisConnection({ client: client.duplicate({ lazyConnect: false, enableOfflineQueue: true }) });
  // Every reconnection fails while Redis is down; the throttling says once what that means (see throttleOptions).
  connection.on('error', () => undefined);
  return {
    lock: redisLock(client, { ...options, name: redacted(url) }),
    throttle: { connection, log },
    close: async () => {
      await connection.disconnect(false).catch(() => undefined);
      client.disconnect();
    },
  };
}

/** `url` without its password, for logs. */
function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString().replace(/\/$/, '');
}

type Acquired = { lock: Lock; waitedMs: number } | { lock?: undefined; why: 'timeout' | 'unreachable'; waitedMs: number; error?: Error };

/**
 * A Redlock lock per key on one Redis, shared by every replica that uses it, inside an
 * in-process queue per key (a replica's own gatings of a head wait in memory, not on Redis):
 * - the lease ({@link LOCK_LEASE_MS}) is renewed every third of it while the task runs and
 *   released at its end; a replica that dies releases it by expiry;
 * - a waiter retries every ~100 ms for {@link LOCK_WAIT_MS}, then gates anyway with a
 *   warning: the writes are idempotent and converge, so a late duplicate gating is safe,
 *   while a check left waiting is not;
 * - Redis unreachable: the task runs under the in-process lock alone, logged once until
 *   Redis answers again.
 */
export function redisLock(client: Redis, options: RedisOptions & { name: string }): HeadLock {
  const redlock = new Redlock([client], { retryCount: 0 });
  // Redlock emits every vote against (a held key too); the outcome is handled below.
  redlock.on('error', () => undefined);
  const leaseMs = options.leaseMs ?? LOCK_LEASE_MS;
  const waitMs = options.waitMs ?? LOCK_WAIT_MS;
  const { run: local } = createInProcessLock();
  let down = false;
  const report = (key: string, acquired: Acquired): void => {
    if (acquired.lock) {
      if (down) options.log.info(`specgate: Redis at ${options.name} answers again: gating holds the shared lock`);
      down = false;
      if (acquired.waitedMs >= 1_000) options.log.info({ key }, `specgate waited ${acquired.waitedMs} ms for the lock of ${key}`);
    } else if (acquired.why === 'timeout') {
      options.log.warn({ key }, `specgate: the lock of ${key} was held by another replica for ${waitMs} ms: gating anyway (the writes are idempotent)`);
    } else if (!down) {
      down = true;
      options.log.warn({ key, err: acquired.error }, `specgate: Redis at ${options.name} unreachable (${acquired.error?.message ?? 'no answer'}): gating uses the in-process lock of this replica until it answers`);
    }
  };
  return {
    run: (key, task) => local(key, async () => {
      const acquired = await acquire(redlock, `specgate:lock:${key}`, leaseMs, waitMs);
      report(key, acquired);
      if (!acquired.lock) return task();
      return holding(acquired.lock, leaseMs, options.log, key, task);
    }),
  };
}


/** Tries for the lock until `waitMs` has passed; a Redis error (not a held key) ends the wait at once. */
async function acquire(redlock: Redlock, resource: string, leaseMs: number, waitMs: number): Promise<Acquired> {
  const started = Date.now();
  for (;;) {
    try {
      return { lock: await redlock.acquire([resource], leaseMs), waitedMs: Date.now() - started };
    } catch (error) {
      const cause = await failure(error);
      const waitedMs = Date.now() - started;
      if (cause) return { why: 'unreachable', waitedMs, error: cause };
      if (waitedMs >= waitMs) return { why: 'timeout', waitedMs };
      await new Promise((resolve) => setTimeout(resolve, Math.min(RETRY_DELAY_MS + Math.floor(Math.random() * RETRY_DELAY_MS), Math.max(0, waitMs - waitedMs))));
    }
  }
}

/** Undefined when every vote against was a held key; otherwise the error Redis gave. */
async function failure(error: unknown): Promise<Error | undefined> {
  if (!(error instanceof ExecutionError)) return error instanceof Error ? error : new Error(String(error));
  for (const attempt of error.attempts) {
    for (const vote of (await attempt).votesAgainst.values()) if (!(vote instanceof ResourceLockedError)) return vote;
  }
  return undefined;
}

/** Runs `task` while renewing `lock`; releases it at the end (a failed release expires with the lease). */
async function holding<T>(lock: Lock, leaseMs: number, log: Pick<Logger, 'warn'>, key: string, task: () => Promise<T>): Promise<T> {
  let current = lock;
  let warned = false;
  const renew = setInterval(() => {
    current.extend(leaseMs).then((extended) => {
      current = extended;
    }, (error: unknown) => {
      if (warned) return;
      warned = true;
      log.warn({ key, err: error }, `specgate could not renew the lock of ${key}: another replica may gate it too (the writes are idempotent)`);
    });
  }, Math.floor(leaseMs / 3));
  try {
    return await task();
  } finally {
    clearInterval(renew);
    await current.release().catch(() => undefined);
  }
}
