/**
 * Two real App processes (built copy, `.env`, `node build/app/index.js`) sharing one real
 * Redis (`REDIS_URL`) against one GitHub stand-in, each receiving one of GitHub's
 * near-simultaneous deliveries for a new pull request, or a redelivery split across them:
 * the gating of one head is serialised across replicas by the Redis lock, so every trial
 * leaves exactly the 6 check runs and 2 clarification issues one gating writes. Then the
 * lock's own behaviour (renewed past its lease, a bounded wait, Redis unreachable) and a
 * replica killed while it holds the lock.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { readAppEnv } from '../../src/app/env.js';
import { appOctokit, throttleOptions } from '../../src/app/octokit.js';
import { connectRedis, type SharedRedis } from '../../src/app/redis.js';
import { buildApp, enterpriseFront, startApp, type AppProcess, type BuiltApp, type EnterpriseFront } from '../support/app-process.js';
import { start, type Repo, type StandIn } from '../support/github-standin/index.js';
import { describeWithRedis, freePort, startRedis, type RedisServer } from '../support/redis.js';
import { examplePayload, pullRequestEvent } from './harness.js';
import { CONFIG, CONSTITUTION, SPEC_WITH_MARKERS } from './fixtures.js';

/** What one gating of SPEC_WITH_MARKERS writes: the aggregate run, five gate runs, one issue per marker. */
const RUNS = 6;
const ISSUES = 2;

type Kind = 'split' | 'split reversed' | 'redelivery';
interface Trial { kind: Kind; offsetMs: number }

/** 20 trials: the pair of events for a new PR in both orders, and one delivery redelivered to the other replica, 0 to 8 s apart. */
const TRIALS: Trial[] = [
  ...[0, 10, 100, 500, 1_000, 2_000, 4_000, 8_000].map((offsetMs) => ({ kind: 'split' as const, offsetMs })),
  ...[0, 50, 1_500, 6_000].map((offsetMs) => ({ kind: 'split reversed' as const, offsetMs })),
  ...[0, 10, 100, 500, 1_000, 2_000, 4_000, 8_000].map((offsetMs) => ({ kind: 'redelivery' as const, offsetMs })),
];

/** Quiet in the tests: every lock and gating line is still written at info. */
const REPLICA_ENV = { LOG_LEVEL: 'info', SPECGATE_WRITE_INTERVAL_MS: '20' };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Log lines (JSON) of `replicas` saying a gating of `sha` ended. */
function gatings(replicas: readonly AppProcess[], sha: string): number {
  return replicas.flatMap((replica) => replica.stdout).filter((line) => line.includes(sha) && /specgate gated a commit|"msg":"specgate could not/.test(line)).length;
}

async function until(condition: () => boolean, ms: number, what: () => string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what()}`);
    await sleep(25);
  }
}

describeWithRedis('two App replicas sharing one Redis', () => {
  let redis: RedisServer;
  let app: BuiltApp;
  let standIn: StandIn;
  let front: EnterpriseFront;
  let replicas: AppProcess[] = [];

  beforeAll(async () => {
    [redis, app] = await Promise.all([startRedis(), Promise.resolve().then(buildApp)]);
    standIn = await start();
    front = await enterpriseFront(standIn.url);
    replicas = await Promise.all([0, 1].map(() => startApp({ app, gheHost: front.host, env: { ...REPLICA_ENV, REDIS_URL: redis.url } })));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.kill()));
    await front?.close();
    await standIn?.close();
    await redis?.stop();
    app?.remove();
  });

  let repos = 0;
  function seed(): { repo: Repo; number: number; sha: string } {
    repos += 1;
    const repo = standIn.state.addRepo('acme', `product-${repos}`, { '.github/specgate.yml': CONFIG, '.specify/memory/constitution.md': CONSTITUTION, 'README.md': '# Product\n' });
    repo.commit('001-login', { 'specs/001-login/spec.md': SPEC_WITH_MARKERS });
    const pull = repo.openPull('001-login');
    return { repo, number: pull.number, sha: pull.headSha };
  }

  /** `check_suite.requested` as GitHub sends it for the PR's new head (the example payload, pointed at the PR). */
  function checkSuiteRequested(repo: Repo, number: number): Record<string, unknown> {
    const pull = repo.pulls.get(number)!;
    return examplePayload('check_suite', 'requested', repo, (payload) => {
      Object.assign(payload['check_suite'], {
        head_sha: pull.headSha, head_branch: pull.headRef,
        pull_requests: [{ number, head: { ref: pull.headRef, sha: pull.headSha, repo: { id: repo.id, name: repo.name } }, base: { ref: pull.baseRef, sha: pull.baseSha, repo: { id: repo.id, name: repo.name } } }],
      });
    });
  }

  /** Delivers the trial's two deliveries `offsetMs` apart, one to each replica, and waits for both gatings to end. */
  async function runTrial(trial: Trial): Promise<{ trial: string; runs: number; issues: number; specgate: string | null | undefined }> {
    const { repo, number, sha } = seed();
    const opened = pullRequestEvent(repo, number);
    const id = randomUUID();
    const [first, second]: [[string, Record<string, unknown>, string?], [string, Record<string, unknown>, string?]] =
      trial.kind === 'split' ? [['pull_request', opened], ['check_suite', checkSuiteRequested(repo, number)]]
        : trial.kind === 'split reversed' ? [['check_suite', checkSuiteRequested(repo, number)], ['pull_request', opened]]
          : [['pull_request', opened, id], ['pull_request', opened, id]];
    const answers = [replicas[0]!.deliver(...first), sleep(trial.offsetMs).then(() => replicas[1]!.deliver(...second))];
    expect(await Promise.all(answers)).toEqual([expect.any(Number), expect.any(Number)]);
    await until(() => gatings(replicas, sha) >= 2, 60_000, () => `two gatings of ${sha} (${trial.kind}, ${trial.offsetMs} ms); runs ${repo.checkRunsFor(sha).length}`);
    return { trial: `${trial.kind} ${trial.offsetMs} ms`, runs: repo.checkRunsFor(sha).length, issues: repo.realIssues().length, specgate: repo.checkRunsFor(sha, 'specgate')[0]?.conclusion };
  }

  test(`split and redelivered deliveries 0 to 8 s apart: exactly ${RUNS} runs and ${ISSUES} issues in ${TRIALS.length} trials out of ${TRIALS.length}`, async () => {
    // One repository per trial; the trials run side by side, as a busy installation's PRs do.
    const results = await Promise.all(TRIALS.map(runTrial));
    expect(results).toEqual(TRIALS.map((trial) => ({ trial: `${trial.kind} ${trial.offsetMs} ms`, runs: RUNS, issues: ISSUES, specgate: 'failure' })));
    expect(standIn.problems).toEqual([]);
    // Both replicas held the Redis lock (none fell back to its in-process lock).
    for (const replica of replicas) expect(replica.stdout.filter((line) => /in-process lock/.test(line))).toEqual([]);
  }, 90_000);

  test('the throttling on Redis keeps specgate\'s rate-limit handlers: a secondary rate limit on a read is waited out and retried (Probot\'s own handler gives up)', async () => {
    const { repo, number, sha } = seed();
    standIn.faults.push({ method: 'GET', path: new RegExp(`^/repos/${repo.fullName}/pulls/${number}/files$`), secondaryRateLimit: 1 });
    expect(await replicas[0]!.deliver('pull_request', pullRequestEvent(repo, number))).toBe(200);
    await until(() => gatings(replicas, sha) >= 1, 20_000, () => `a gating of ${sha}`);
    expect(standIn.faults).toEqual([]);
    expect(repo.checkRunsFor(sha)).toHaveLength(RUNS);
    expect(repo.checkRunsFor(sha, 'specgate')[0]).toEqual(expect.objectContaining({ status: 'completed', conclusion: 'failure', output: expect.objectContaining({ title: expect.not.stringMatching(/GitHub answered|rate limit/i) }) }));
    // plugin-throttling's limiters live in Redis, where every replica finds them (Bottleneck's keys `b_<group>-<id>_…`).
    const client = new Redis(redis.url);
    try {
      // One lane per installation (4242, the deliveries'), shared by both replicas; the App's own JWT client keeps the no-id lane.
      expect(await client.keys('b_octokit-*')).toEqual(expect.arrayContaining(['b_octokit-global-installation-4242_settings', 'b_octokit-write-installation-4242_settings']));
    } finally {
      client.disconnect();
    }
    expect(replicas.flatMap((replica) => replica.stdout).join('\n')).not.toMatch(/Redis throttling/);
  });

  test('REDIS_URL unreachable at start: the replica says so in one line, then gates under its in-process lock', async () => {
    const replica = await startApp({ app, gheHost: front.host, env: { ...REPLICA_ENV, REDIS_URL: `redis://127.0.0.1:${await freePort()}` } });
    try {
      expect(replica.stdout.filter((line) => /Redis/.test(line))).toEqual([expect.stringMatching(/"level":40,.*Redis at redis:\/\/127\.0\.0\.1:\d+ unreachable .*in-process lock/)]);
      const { repo, number, sha } = seed();
      expect(await replica.deliver('pull_request', pullRequestEvent(repo, number))).toBe(200);
      await until(() => gatings([replica], sha) >= 1, 20_000, () => `a gating of ${sha}`);
      expect(repo.checkRunsFor(sha)).toHaveLength(RUNS);
    } finally {
      await replica.kill();
    }
  });

  test('a bad REDIS_URL: the App does not start, and says why in one line on stderr', async () => {
    await expect(startApp({ app, gheHost: front.host, env: { REDIS_URL: 'http://cache:6379' } })).rejects.toThrow(/stderr:\nspecgate: Unexpected REDIS_URL `http:\/\/cache:6379`, expected redis:\/\/host:port or rediss:\/\/host:port \(TLS\)$/);
  });

  test('a replica killed (SIGKILL) while it holds the lock: the other gates the head once the lease expires, and writes each run once', async () => {
    const [holder, other] = replicas as [AppProcess, AppProcess];
    const { repo, number, sha } = seed();
    // Each GitHub call takes 250 ms: the holder is mid-gating when it is killed.
    standIn.latency.ms = 250;
    try {
      void holder.deliver('pull_request', pullRequestEvent(repo, number)).catch(() => undefined);
      await until(() => repo.checkRunsFor(sha, 'specgate')[0]?.status === 'in_progress', 20_000, () => 'the holder to start the aggregate run');
      await holder.kill('SIGKILL');
      const killed = Date.now();
      // The latency only had to keep the holder mid-gating; the other replica's gating need not wait it out.
      standIn.latency.ms = 0;
      const from = other.stdout.length;
      void other.deliver('check_suite', checkSuiteRequested(repo, number)).catch(() => undefined);
      // A hang guard, not a timing: the lease (8 s) has to expire before the other replica gates.
      // On a loaded 2-core machine (a full fresh-clone CI run) that gating once took over 60 s.
      await until(() => gatings([other], sha) >= 1, 120_000, () => `the other replica to gate ${sha}`);
      // The lease (8 s, renewed every 2.7 s) outlived the holder: the other replica wrote nothing until it expired, then gated.
      const writes = standIn.requests.filter((request) => request.write && request.path.startsWith(`/repos/${repo.fullName}/`) && request.at > killed);
      expect(writes.length).toBeGreaterThan(0);
      expect(writes[0]!.at - killed).toBeGreaterThan(4_000);
      expect(other.stdout.slice(from).some((line) => /waited \d+ ms for the lock/.test(line))).toBe(true);
      expect(repo.checkRunsFor(sha)).toHaveLength(RUNS);
      expect(repo.checkRunsFor(sha, 'specgate')[0]).toEqual(expect.objectContaining({ status: 'completed', conclusion: 'failure' }));
    } finally {
      standIn.latency.ms = 0;
    }
  }, 150_000);

  test('SIGTERM: a replica with Redis drains, closes its Redis connections and exits 0', async () => {
    const replica = replicas[1]!;
    await replica.kill('SIGTERM');
    expect(await replica.exit).toBe(0);
    expect(replica.stdout.some((line) => line.includes('"msg":"specgate stopped"'))).toBe(true);
    expect(replica.stderr.filter((line) => line !== '')).toEqual([]);
  });
});

/** A log that keeps its lines (pino's shape, the methods the lock uses). */
function memoryLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const write = (level: string) => (...args: unknown[]) => void lines.push(`${level} ${args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')}`);
  return { log: { info: write('info'), warn: write('warn'), error: write('error'), debug: write('debug') } as unknown as Logger, lines };
}

describeWithRedis('the Redis lock', () => {
  let redis: RedisServer;
  const opened: SharedRedis[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(opened.map((shared) => shared.close()));
    await redis?.stop();
  });
  async function connect(options: { leaseMs?: number; waitMs?: number } = {}): Promise<{ shared: SharedRedis; lines: string[] }> {
    const { log, lines } = memoryLog();
    const shared = await connectRedis(redis.url, { log, ...options });
    if (!shared) throw new Error(`Unexpected unreachable Redis at ${redis.url}: ${lines.join('\n')}`);
    opened.push(shared);
    return { shared, lines };
  }

  test('two clients (two replicas) never hold one key at once, a task outliving its lease included (it is renewed); other keys do not wait', async () => {
    const [a, b] = [await connect({ leaseMs: 300 }), await connect({ leaseMs: 300 })];
    const events: string[] = [];
    const task = (name: string, ms: number) => async (): Promise<string> => {
      events.push(`${name} in`);
      await sleep(ms);
      events.push(`${name} out`);
      return name;
    };
    const first = a.shared.lock.run('acme/one@1', task('a', 1_000));
    await sleep(50);
    const second = b.shared.lock.run('acme/one@1', task('b', 10));
    const elsewhere = b.shared.lock.run('acme/two@1', task('c', 10));
    expect(await Promise.all([first, second, elsewhere])).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['a in', 'c in', 'c out', 'a out', 'b in', 'b out']);
  });

  test('a waiter that waits past its bound gates anyway and says so (writes are idempotent)', async () => {
    const [a, b] = [await connect(), await connect({ waitMs: 300 })];
    let release!: () => void;
    const held = a.shared.lock.run('acme/one@2', () => new Promise<void>((resolve) => (release = resolve)));
    await sleep(50);
    const started = Date.now();
    expect(await b.shared.lock.run('acme/one@2', () => Promise.resolve('ran'))).toBe('ran');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(b.lines).toEqual([expect.stringMatching(/^warn .*acme\/one@2.*held by another replica for 300 ms.*gating anyway/)]);
    release();
    await held;
  });

  test('Redis unreachable at start: one line, and no shared lock (the App keeps its in-process lock)', async () => {
    const { log, lines } = memoryLog();
    const port = await freePort();
    expect(await connectRedis(`redis://127.0.0.1:${port}`, { log, connectTimeoutMs: 500 })).toBeUndefined();
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^warn .*Redis at redis://127\\.0\\.0\\.1:${port} unreachable.*in-process lock`))]);
  });

  test('Redis gone after start: gating goes on under the in-process lock, logged once until Redis is back', async () => {
    const own = await startRedis();
    const { log, lines } = memoryLog();
    const shared = (await connectRedis(own.url, { log }))!;
    try {
      expect(await shared.lock.run('acme/one@3', () => Promise.resolve(1))).toBe(1);
      await own.stop();
      expect(await shared.lock.run('acme/one@3', () => Promise.resolve(2))).toBe(2);
      expect(await shared.lock.run('acme/one@3', () => Promise.resolve(3))).toBe(3);
      expect(lines.filter((line) => /in-process lock/.test(line))).toEqual([expect.stringMatching(/^warn .*Redis.*unreachable.*in-process lock/)]);
    } finally {
      await shared.close();
    }
  });
});

describeWithRedis('the throttling on Redis', () => {
  test('Redis gone after start: GitHub requests still go out, throttled by the replica itself, logged once; a job is never run twice', async () => {
    const [own, standIn] = await Promise.all([startRedis(), start()]);
    const repo = standIn.state.addRepo('acme', 'throttled', { 'README.md': '# Throttled\n' });
    const { log, lines } = memoryLog();
    const shared = (await connectRedis(own.url, { log }))!;
    try {
      const Octokit = appOctokit({ throttle: throttleOptions(shared.throttle, 20) });
      const octokit = new Octokit({ auth: { token: 'test' }, baseUrl: standIn.url } as never);
      expect((await octokit.request('GET /repos/{owner}/{repo}/pulls', { owner: repo.owner, repo: repo.name })).status).toBe(200);
      await own.stop();
      expect((await octokit.request('GET /repos/{owner}/{repo}/pulls', { owner: repo.owner, repo: repo.name })).status).toBe(200);
      expect((await octokit.request('POST /repos/{owner}/{repo}/issues', { owner: repo.owner, repo: repo.name, title: 'One', body: 'once' })).status).toBe(201);
      expect(repo.realIssues()).toHaveLength(1);
      expect(lines).toEqual([expect.stringMatching(/^warn .*Redis throttling failed .*throttles by itself/)]);
      expect(standIn.problems).toEqual([]);
    } finally {
      await shared.close();
      await standIn.close();
    }
  });
});

test.each([
  ['redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'],
  ['rediss://user:secret@cache.example.com:6380/2', 'rediss://user:secret@cache.example.com:6380/2'],
])('REDIS_URL %s is read as is', (url, expected) => {
  expect(readAppEnv({ REDIS_URL: url }).redisUrl).toBe(expected);
});

test.each([
  ['http://cache:6379', 'http'],
  ['cache:6379', 'no scheme'],
  ['redis://', 'no host'],
])('a bad REDIS_URL (%s, %s) is one line naming the variable', (url) => {
  expect(() => readAppEnv({ REDIS_URL: url })).toThrow(new RegExp(`^Unexpected REDIS_URL \`${url.replace(/[/.]/g, '\\$&')}\`, expected redis://host:port or rediss://host:port \\(TLS\\)$`));
});

test('no REDIS_URL: none', () => {
  expect(readAppEnv({}).redisUrl).toBeUndefined();
  expect(readAppEnv({ SPECGATE_WRITE_INTERVAL_MS: '0' }).writeIntervalMs).toBe(0);
  expect(() => readAppEnv({ SPECGATE_WRITE_INTERVAL_MS: 'fast' })).toThrow('Unexpected SPECGATE_WRITE_INTERVAL_MS `fast`, expected a whole number of milliseconds such as 1000');
});
