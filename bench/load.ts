/**
 * `npm run bench:load [-- --prs 200 --repos 20 --bursts 10 --gap-ms 3000 --replicas 2 --seed 7 --write-interval-ms 100 --no-redis --applied]`:
 * pull requests in repositories (each repository its own installation, as GitHub counts its
 * limits per installation) delivered in bursts to App replicas (real processes from a
 * built copy, `node build/app/index.js`, test/support/app-process.ts) sharing a real Redis
 * (`REDIS_URL`, test/support/redis.ts), against the GitHub stand-in behind GitHub Enterprise's
 * paths, every request 50 ms late and 1% of them answered 5xx at random (seeded). For each PR,
 * GitHub's near-simultaneous pair, `pull_request.opened` and `check_suite.requested`, goes to
 * replicas drawn at random, and one PR in ten also has its `pull_request` redelivered to the
 * other replica. Asserts: every head has exactly one `specgate` run and it is concluded, one
 * run per gate (none missing, no name twice on a head), one clarification issue per marker (none twice), every
 * request valid against GitHub's REST description (`standIn.problems` empty), every delivery
 * answered. Prints p50/p99 delivery-to-conclusion (first delivery sent to the `specgate` run's
 * first conclusion) and peak RSS (VmHWM) per replica, and writes bench/out/load.json. Exit 1
 * when an invariant fails. Loopback only; bounded (a run that does not settle in 15 minutes fails).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { buildApp, enterpriseFront, startApp, type AppProcess } from '../test/support/app-process.js';
import { start, type Repo, type StandIn } from '../test/support/github-standin/index.js';
import { GATES } from '../src/engine/index.js';
import { decodeMeta } from '../src/github/issues/tracked.js';
import { CONFIG, CONSTITUTION, SPEC_RESOLVED, SPEC_WITH_MARKERS } from '../test/app/fixtures.js';
import { seeded as generator } from '../test/support/seeded.js';

// test/support/redis.ts imports `describe` from @jest/globals (for describeWithRedis), which throws outside jest: a stub for this process.
const HOOK = `export async function resolve(specifier, context, next) { return specifier === '@jest/globals' ? { url: 'data:text/javascript,export const describe = () => {};', shortCircuit: true } : next(specifier, context); }`;
register(`data:text/javascript,${encodeURIComponent(HOOK)}`);
const { REDIS_SKIP, startRedis } = await import('../test/support/redis.js');

const OUT = join(import.meta.dirname, 'out');
/** What one gating of a head writes: the aggregate run and one per gate. */
const EXPECTED_RUNS = ['specgate', ...GATES.map((gate) => `specgate / ${gate}`)];
const LATENCY_MS = 50;
const FAULT_SHARE = 0.01;
const SETTLE_MS = 15 * 60_000;
/** Quiet for this long (no request to the stand-in) with every head concluded: the run is over. */
const QUIET_MS = 5_000;
const ANSWERED = new Set([200, 202]);
/**
 * The replicas' write pacing. GitHub asks for about one content-creating request a second per
 * installation, and plugin-throttling paces writes (and GraphQL queries) so, but Probot's webhook
 * Octokit carries no throttling id: every installation of a process shares one lane, and with
 * REDIS_URL every replica does. At 1 s, 200 PRs (about 2,000 paced requests) would take over
 * half an hour through that one lane; `--write-interval-ms 1000` measures it.
 */
const DEFAULT_WRITE_INTERVAL_MS = 100;

interface Options {
  prs: number;
  repos: number;
  bursts: number;
  replicas: number;
  seed: number;
  redis: boolean;
  /** The 5xx are "applied but failed" (the write lands, then 500) instead of plain ones. */
  applied: boolean;
  /** Milliseconds between bursts. */
  gapMs: number;
  /** SPECGATE_WRITE_INTERVAL_MS of the replicas (see {@link DEFAULT_WRITE_INTERVAL_MS}). */
  writeIntervalMs: number;
  /** Extra variables for the replicas, `NAME=VALUE`. */
  env: Record<string, string>;
}

function parseArgs(argv: readonly string[]): Options {
  const number = (name: string, fallback: number): number => {
    const at = argv.indexOf(`--${name}`);
    if (at < 0) return fallback;
    const value = Number(argv[at + 1]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`Unexpected --${name} ${argv[at + 1] ?? ''}, expected a whole number`);
    return value;
  };
  const env = Object.fromEntries(argv.flatMap((arg, i) => (arg === '--env' && argv[i + 1]?.includes('=') ? [argv[i + 1]!.split(/=(.*)/s).slice(0, 2) as [string, string]] : [])));
  return {
    prs: number('prs', 200), repos: number('repos', 20), bursts: number('bursts', 10), replicas: number('replicas', 2), seed: number('seed', 7),
    gapMs: number('gap-ms', 3_000), writeIntervalMs: number('write-interval-ms', DEFAULT_WRITE_INTERVAL_MS), redis: !argv.includes('--no-redis'), applied: argv.includes('--applied'), env,
  };
}


/** One pull request of the bench and what happened to it. */
interface Case {
  repo: Repo;
  installation: number;
  number: number;
  sha: string;
  /** Clarification markers its spec holds (2 or 0): that many issues expected. */
  markers: number;
  burst: number;
  /** When its first delivery was sent (ms since the epoch). */
  sentAt?: number;
  concludedAt?: number;
  answers: number[];
}

/** Repositories (one installation each) with `prs` PRs spread over them; every other PR carries two clarification markers. */
function seedCases(standIn: StandIn, options: Options): Case[] {
  const repos = Array.from({ length: options.repos }, (_, i) => standIn.state.addRepo('acme', `load-${String(i + 1).padStart(2, '0')}`, {
    '.github/specgate.yml': CONFIG, '.specify/memory/constitution.md': CONSTITUTION, 'README.md': '# Product\n',
  }));
  return Array.from({ length: options.prs }, (_, i) => {
    const repo = repos[i % repos.length]!;
    const feature = `${String(Math.floor(i / repos.length) + 1).padStart(3, '0')}-feature-${i}`;
    const markers = i % 2 === 0 ? 2 : 0;
    repo.commit(feature, { [`specs/${feature}/spec.md`]: (markers ? SPEC_WITH_MARKERS : SPEC_RESOLVED).replace('001-login', feature) });
    const pull = repo.openPull(feature);
    return { repo, installation: 5_000 + (i % repos.length), number: pull.number, sha: pull.headSha, markers, burst: Math.floor((i * options.bursts) / options.prs), answers: [] };
  });
}

const examples = createRequire(import.meta.url)('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: Record<string, unknown>[] }[];

/**
 * A real example payload from `@octokit/webhooks-examples` pointed at a stand-in repository and
 * installation, as test/app/harness.ts makes them (not imported: this process needs none of src/app).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- example payloads are untyped JSON, edited in place
function examplePayload(name: string, action: string, repo: Repo, installation: number, edit: (payload: Record<string, any>) => void): Record<string, unknown> {
  const found = examples.find((entry) => entry.name === name)?.examples.filter((example) => example['action'] === action).sort((a, b) => Number(Boolean(b['installation'])) - Number(Boolean(a['installation'])))[0];
  if (!found) throw new Error(`No example for ${name}.${action}`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  const payload = structuredClone(found) as Record<string, any>;
  payload['installation'] = { id: installation, node_id: Buffer.from(`Installation${installation}`).toString('base64') };
  Object.assign(payload['repository'], { id: repo.id, name: repo.name, full_name: repo.fullName, default_branch: repo.defaultBranch, owner: { ...payload['repository'].owner, login: repo.owner, name: repo.owner } });
  edit(payload);
  return payload;
}

/** The pair GitHub sends for a new PR's head, pointed at the case's installation. */
function deliveries(item: Case): { opened: Record<string, unknown>; suite: Record<string, unknown> } {
  const pull = item.repo.pulls.get(item.number)!;
  const head = { ref: pull.headRef, sha: pull.headSha, repo: { id: item.repo.id, name: item.repo.name } };
  const base = { ref: pull.baseRef, sha: pull.baseSha, repo: { id: item.repo.id, name: item.repo.name } };
  const opened = examplePayload('pull_request', 'opened', item.repo, item.installation, (payload) => {
    payload['number'] = item.number;
    Object.assign(payload['pull_request'], { number: item.number, state: pull.state, merged: pull.merged, draft: pull.draft });
    Object.assign(payload['pull_request'].head, { sha: pull.headSha, ref: pull.headRef });
    Object.assign(payload['pull_request'].base, { sha: pull.baseSha, ref: pull.baseRef });
  });
  const suite = examplePayload('check_suite', 'requested', item.repo, item.installation, (payload) => {
    Object.assign(payload['check_suite'], { head_sha: pull.headSha, head_branch: pull.headRef, pull_requests: [{ number: item.number, head, base }] });
  });
  return { opened, suite };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends one PR's deliveries: the pair to random replicas up to 200 ms apart, and one PR in ten redelivered to the other replica. */
async function send(item: Case, replicas: readonly AppProcess[], draw: () => number, counts: number[]): Promise<void> {
  const { opened, suite } = deliveries(item);
  const pick = (): number => Math.floor(draw() * replicas.length);
  const first = pick();
  const second = pick();
  const offset = Math.floor(draw() * 200);
  const redeliver = draw() < 0.1 ? Math.floor(draw() * 4_000) : undefined;
  const id = randomUUID();
  const post = async (replica: number, name: string, payload: Record<string, unknown>, delivery?: string): Promise<void> => {
    counts[replica] = (counts[replica] ?? 0) + 1;
    item.answers.push(await replicas[replica]!.deliver(name, payload, delivery).catch(() => 0));
  };
  item.sentAt = Date.now();
  await Promise.all([
    post(first, 'pull_request', opened, id),
    sleep(offset).then(() => post(second, 'check_suite', suite)),
    redeliver === undefined ? undefined : sleep(redeliver).then(() => post((first + 1) % replicas.length, 'pull_request', opened, id)),
  ]);
}

/** When the `specgate` run of the case's head was first written concluded (a POST or PATCH GitHub accepted), from the stand-in's log. */
function concludedAt(standIn: StandIn, item: Case): number | undefined {
  const ids = new Set(item.repo.checkRunsFor(item.sha, 'specgate').map((run) => run.id));
  const prefix = `/repos/${item.repo.fullName}/check-runs`;
  for (const request of standIn.requests) {
    if (request.status >= 400 || !request.path.startsWith(prefix)) continue;
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body['status'] !== 'completed' && body['conclusion'] === undefined) continue;
    const id = Number(request.path.slice(prefix.length + 1));
    const created = request.method === 'POST' && body['name'] === 'specgate' && body['head_sha'] === item.sha;
    if (created || (request.method === 'PATCH' && ids.has(id))) return request.at + LATENCY_MS;
  }
  return undefined;
}

/** Every head concluded and the stand-in quiet for {@link QUIET_MS}, or the bound passed. */
async function settle(standIn: StandIn, cases: readonly Case[], started: number, replicas: readonly AppProcess[]): Promise<boolean> {
  let reported = Date.now();
  for (;;) {
    const concluded = cases.every((item) => item.repo.checkRunsFor(item.sha, 'specgate').some((run) => run.status === 'completed'));
    const last = standIn.requests.at(-1)?.at ?? 0;
    if (concluded && Date.now() - last > QUIET_MS) return true;
    if (Date.now() - started > SETTLE_MS) return false;
    if (Date.now() - reported >= 10_000) {
      reported = Date.now();
      const done = cases.filter((item) => item.repo.checkRunsFor(item.sha, 'specgate').some((run) => run.status === 'completed')).length;
      console.log(`  ${((Date.now() - started) / 1_000).toFixed(0)} s: ${done} / ${cases.length} heads concluded, ${standIn.requests.length} requests`);
      writeLogs(replicas);
      writeRequests(standIn);
    }
    await sleep(250);
  }
}

/** What is wrong with GitHub's state at the end, one line per problem (empty: every invariant holds). */
function invariants(standIn: StandIn, cases: readonly Case[]): { failures: string[]; duplicateRuns: number; duplicateIssues: number; closedDuplicates: number } {
  const failures: string[] = [];
  let duplicateRuns = 0;
  for (const item of cases) {
    const runs = item.repo.checkRunsFor(item.sha);
    const specgate = runs.filter((run) => run.name === 'specgate');
    if (specgate.length !== 1) failures.push(`${item.repo.fullName}#${item.number}: ${specgate.length} specgate runs on ${item.sha.slice(0, 7)}, expected exactly 1`);
    else if (specgate[0]!.status !== 'completed' || !specgate[0]!.conclusion) failures.push(`${item.repo.fullName}#${item.number}: specgate run ${specgate[0]!.status}, expected concluded`);
    const names = runs.map((run) => run.name);
    const missing = EXPECTED_RUNS.filter((name) => !names.includes(name));
    if (missing.length > 0) failures.push(`${item.repo.fullName}#${item.number}: no ${missing.join(', ')} run on ${item.sha.slice(0, 7)}, expected one each`);
    const twice = names.filter((name, i) => names.indexOf(name) !== i);
    duplicateRuns += twice.length;
    if (twice.length > 0) failures.push(`${item.repo.fullName}#${item.number}: check runs ${[...new Set(twice)].join(', ')} more than once on one head, expected one each`);
    if (!item.answers.every((status) => ANSWERED.has(status))) failures.push(`${item.repo.fullName}#${item.number}: deliveries answered ${item.answers.join(', ')}, expected 200 or 202`);
  }
  let duplicateIssues = 0;
  let closedDuplicates = 0;
  for (const repo of new Set(cases.map((item) => item.repo))) {
    const byKey = new Map<string, { open: number; all: number }>();
    for (const issue of repo.realIssues()) {
      const key = decodeMeta(issue.body)?.key ?? `unmarked:${issue.title}`;
      const seen = byKey.get(key) ?? { open: 0, all: 0 };
      seen.all += 1;
      if (issue.state === 'open') seen.open += 1;
      byKey.set(key, seen);
    }
    for (const [key, seen] of byKey) {
      duplicateIssues += seen.all - 1;
      closedDuplicates += seen.all - seen.open;
      if (seen.all !== 1) failures.push(`${repo.fullName}: ${seen.all} issues (${seen.open} open) for marker ${key}, expected 1`);
    }
    const expected = cases.filter((item) => item.repo === repo).reduce((sum, item) => sum + item.markers, 0);
    if (byKey.size !== expected) failures.push(`${repo.fullName}: ${byKey.size} distinct clarification issues, expected ${expected}`);
  }
  for (const problem of [...new Set(standIn.problems)]) failures.push(`invalid request: ${problem}`);
  return { failures, duplicateRuns, duplicateIssues, closedDuplicates };
}

/** The stand-in's requests so far, one line each (time from the first, status, route), in bench/out/load-requests.txt. */
function writeRequests(standIn: StandIn): void {
  const first = standIn.requests[0]?.at ?? 0;
  writeFileSync(join(OUT, 'load-requests.txt'), `${standIn.requests.map((r) => `${String(r.at - first).padStart(7)} ${r.status} ${r.method} ${r.path}`).join('\n')}\n`);
}

/** How the heads' `specgate` runs ended: `<markers in the spec> markers: <conclusion>: <title>` → count. */
function conclusions(cases: readonly Case[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of cases) {
    const run = item.repo.checkRunsFor(item.sha, 'specgate').at(-1);
    const key = `${item.markers} markers: ${run?.conclusion ?? run?.status ?? 'no run'}: ${(run?.output.title ?? '').replace(/\d+/g, 'N').slice(0, 80)}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** Each replica's stdout and stderr so far, in bench/out/load-replica-<n>.log. */
function writeLogs(replicas: readonly AppProcess[]): void {
  replicas.forEach((replica, i) => writeFileSync(join(OUT, `load-replica-${i + 1}.log`), `${[...replica.stdout, ...replica.stderr].join('\n')}\n`));
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

const countLines = (replica: AppProcess, pattern: RegExp): number => replica.stdout.filter((line) => pattern.test(line)).length;

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.redis && REDIS_SKIP) throw new Error(`${REDIS_SKIP}; run with --no-redis to measure one process's lock only`);
  console.log(`specgate load: ${options.prs} PRs in ${options.repos} repositories, ${options.bursts} bursts ${options.gapMs} ms apart, ${options.replicas} replicas${options.redis ? ' with Redis' : ' WITHOUT Redis'}, writes paced ${options.writeIntervalMs} ms, stand-in +${LATENCY_MS} ms and ${FAULT_SHARE * 100}% random ${options.applied ? 'applied-but-500' : '5xx'} (seed ${options.seed})`);
  mkdirSync(OUT, { recursive: true });
  const built = buildApp();
  const redis = options.redis ? await startRedis() : undefined;
  const standIn = await start({ latencyMs: LATENCY_MS, seed: options.seed });
  const front = await enterpriseFront(standIn.url);
  const replicas: AppProcess[] = [];
  const cleanUp = async (): Promise<void> => {
    await Promise.all(replicas.map((replica) => replica.kill()));
    await front.close();
    await standIn.close();
    await redis?.stop();
    built.remove();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  try {
    const env = { LOG_LEVEL: 'info', SPECGATE_WRITE_INTERVAL_MS: String(options.writeIntervalMs), ...(redis ? { REDIS_URL: redis.url } : {}), ...options.env };
    replicas.push(...(await Promise.all(Array.from({ length: options.replicas }, () => startApp({ app: built, gheHost: front.host, env, startMs: 60_000 })))));
    const cases = seedCases(standIn, options);
    // Two faults, each half the share: 500 and 502 (the second draws only when the first missed).
    const half = FAULT_SHARE / 2;
    standIn.faults.push({ status: 500, probability: half, times: Infinity, ...(options.applied ? { applied: true } : {}) }, { status: 502, probability: half / (1 - half), times: Infinity, ...(options.applied ? { applied: true } : {}) });
    const draw = generator(options.seed);
    const counts: number[] = [];
    const started = Date.now();
    const sending: Promise<void>[] = [];
    for (let burst = 0; burst < options.bursts; burst += 1) {
      if (burst > 0) await sleep(options.gapMs);
      sending.push(...cases.filter((item) => item.burst === burst).map((item) => send(item, replicas, draw, counts)));
    }
    await Promise.all(sending);
    const settled = await settle(standIn, cases, started, replicas);
    const wallMs = Date.now() - started;
    standIn.faults.length = 0;
    for (const item of cases) {
      const at = concludedAt(standIn, item);
      if (at !== undefined) item.concludedAt = at;
    }
    const times = cases.flatMap((item) => (item.concludedAt !== undefined && item.sentAt !== undefined ? [item.concludedAt - item.sentAt] : [])).sort((a, b) => a - b);
    const check = invariants(standIn, cases);
    if (!settled) check.failures.unshift(`not settled within ${SETTLE_MS / 60_000} minutes`);
    const rss = replicas.map((replica) => replica.peakRssKb());
    const injected = standIn.requests.filter((request) => request.status === 500 || request.status === 502).length;
    const figures = {
      options, wallSeconds: wallMs / 1_000, settled,
      deliveries: counts.reduce((a, b) => a + b, 0), deliveriesPerReplica: counts,
      requests: standIn.requests.length, writes: standIn.requests.filter((request) => request.write).length, answered5xx: injected,
      deliveryToConclusionMs: { p50: percentile(times, 50), p99: percentile(times, 99), max: times.at(-1) ?? NaN, concluded: times.length },
      peakRssMb: rss.map((kb) => (kb === undefined ? null : Math.round(kb / 1024))),
      gatingsPerReplica: replicas.map((replica) => countLines(replica, /specgate gated a commit/)),
      lockWaitsPerReplica: replicas.map((replica) => countLines(replica, /waited \d+ ms for the lock/)),
      inProcessFallbacks: replicas.map((replica) => countLines(replica, /in-process lock/)),
      specgateConclusions: conclusions(cases),
      errorsPerReplica: replicas.map((replica) => countLines(replica, /"level":50/)),
      deadlineErrorsPerReplica: replicas.map((replica) => countLines(replica, /DeadlineError/)),
      gatedAnywayPerReplica: replicas.map((replica) => countLines(replica, /gating anyway/)),
      checkRuns: cases.reduce((sum, item) => sum + item.repo.checkRunsFor(item.sha).length, 0),
      issues: [...new Set(cases.map((item) => item.repo))].reduce((sum, repo) => sum + repo.realIssues().length, 0),
      duplicateRuns: check.duplicateRuns, duplicateIssues: check.duplicateIssues, closedDuplicateIssues: check.closedDuplicates,
      invalidRequests: standIn.problems.length, failures: check.failures,
    };
    print(figures);
    writeFileSync(join(OUT, 'load.json'), `${JSON.stringify({ ...figures, times }, null, 2)}\n`);
    writeLogs(replicas);
    writeRequests(standIn);
    process.exitCode = check.failures.length > 0 ? 1 : 0;
  } finally {
    await cleanUp();
  }
}

function print(figures: Record<string, unknown> & { failures: string[]; deliveryToConclusionMs: Record<string, number>; peakRssMb: (number | null)[] }): void {
  const { p50, p99, max, concluded } = figures.deliveryToConclusionMs;
  console.log(`\nsettled in ${Number(figures['wallSeconds']).toFixed(1)} s after the first burst (${figures['settled'] ? 'settled' : 'NOT settled'})`);
  console.log(`deliveries ${figures['deliveries']} (per replica ${(figures['deliveriesPerReplica'] as number[]).join(' / ')}), gatings per replica ${(figures['gatingsPerReplica'] as number[]).join(' / ')}, lock waits ${(figures['lockWaitsPerReplica'] as number[]).join(' / ')}`);
  console.log(`stand-in requests ${figures['requests']} (writes ${figures['writes']}), answered 5xx ${figures['answered5xx']}, invalid ${figures['invalidRequests']}`);
  console.log(`check runs ${figures['checkRuns']}, issues ${figures['issues']}; duplicate runs ${figures['duplicateRuns']}, duplicate issues ${figures['duplicateIssues']} (closed as duplicates ${figures['closedDuplicateIssues']})`);
  console.log(`delivery-to-conclusion (${concluded} heads): p50 ${p50?.toFixed(0)} ms, p99 ${p99?.toFixed(0)} ms, max ${max?.toFixed(0)} ms`);
  console.log(`specgate conclusions: ${Object.entries(figures['specgateConclusions'] as Record<string, number>).map(([key, n]) => `${n}× ${key}`).join('; ')}`);
  console.log(`errors logged per replica ${(figures['errorsPerReplica'] as number[]).join(' / ')} (deadline ${(figures['deadlineErrorsPerReplica'] as number[]).join(' / ')}), lock waits given up ("gating anyway") ${(figures['gatedAnywayPerReplica'] as number[]).join(' / ')}`);
  console.log(`peak RSS per replica (VmHWM): ${figures.peakRssMb.map((mb) => (mb === null ? 'n/a' : `${mb} MB`)).join(' / ')}`);
  if (figures.failures.length === 0) console.log('\nall invariants hold');
  else console.log(`\n${figures.failures.length} invariant failures:\n${figures.failures.slice(0, 40).map((line) => `  ${line}`).join('\n')}${figures.failures.length > 40 ? `\n  … and ${figures.failures.length - 40} more (bench/out/load.json)` : ''}`);
}

await main();
