import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import Bottleneck from 'bottleneck';
import pLimit from 'p-limit';
import { appOctokit } from '../../src/app/octokit.js';
import type { AppSettings } from '../../src/app/port.js';
import { startServer, WEBHOOK_PATH, type StartedServer } from '../../src/app/server.js';
import { createEvaluator, type Evaluator } from '../../src/github/flows/evaluate-pool.js';
import { createInProcessLock } from '../../src/github/flows/index.js';
import { start, type Fault, type Repo, type StandIn } from '../support/github-standin/index.js';
import { CONFIG, CONSTITUTION, SPEC_WITH_MARKERS } from './fixtures.js';
import { examplePayload, linesWithSecrets, pullRequestEvent } from './harness.js';

// Every read and write a pull request's gating makes, each failing one way at a time, through
// the real App server (Probot, the tuned Octokit with short timeouts and retry delays) against
// the stand-in. Whatever GitHub does: no run left `in_progress`, no run or issue twice, and
// `specgate` concluded — with the gates' result when GitHub recovered, failed with a reason
// naming the step when it kept failing. A redelivery once GitHub is healthy again converges.
// Each case has its own stand-in and App, so the matrices' cases run side by side
// (`test.concurrent`): most of a case's time is spent waiting out timeouts and Retry-After.

const SECRET = 'fault-matrix-secret';
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
const REQUEST_TIMEOUT_MS = 250;
const DEADLINE_MS = 3_000;

interface Started {
  standIn: StandIn;
  app: StartedServer;
  logs: string[];
  /** Posts a signed delivery to the App; resolves to the HTTP status. */
  deliver(name: string, payload: Record<string, unknown>, id?: string): Promise<number>;
}

let evaluator: Evaluator;
beforeAll(async () => {
  evaluator = createEvaluator({ timeoutMs: 60_000 });
  // Both workers and the App's code paths loaded (one healthy gating) before the cases start
  // side by side: a cold start is not what the 3 s deadline and 250 ms timeouts are for.
  await Promise.all([evaluator.markerKeys([]), evaluator.markerKeys([])]);
  await withApp(async ({ standIn, deliver }) => {
    const { repo, number } = seed(standIn);
    await deliver('pull_request', pullRequestEvent(repo, number));
  });
}, 60_000);
afterAll(() => evaluator.close());

/**
 * The App with a short deadline and the sweep on every event (the harness's settings plus
 * these); a secondary rate limit is retried once (after its `Retry-After: 1`), not twice.
 * Its own head lock, as a process of its own has: every case gates the same repository and
 * head, and the process's lock would queue the cases running side by side behind each other.
 */
async function startApp(settings: Partial<AppSettings> = {}, requestTimeoutMs = REQUEST_TIMEOUT_MS): Promise<Started> {
  const standIn = await start();
  const logs: string[] = [];
  const group = (): Bottleneck.Group => new Bottleneck.Group({ maxConcurrent: 10, minTime: 0 });
  const app = await startServer({
    appId: 1, privateKey, webhookSecret: SECRET, port: 0, host: '127.0.0.1', baseUrl: standIn.url, requestTimeoutMs,
    Octokit: appOctokit({ retry: { retryAfterBaseValue: 20 }, throttle: { onSecondaryRateLimit: (_after: number, _request: unknown, _octokit: unknown, retries: number) => retries < 1, write: group(), global: group(), search: group(), notifications: group(), auth: group() } }),
    settings: { issueDelayMs: 0, evaluator, lock: createInProcessLock(), gatingDeadlineMs: DEADLINE_MS, staleRuns: { everyMs: 0 }, ...settings },
    logLevel: 'trace', logDestination: { write: (line: string) => void logs.push(line) },
  });
  return { standIn, app, logs, deliver: (name, payload, id) => deliver(app.url, name, payload, id) };
}

async function deliver(url: string, name: string, payload: Record<string, unknown>, id: string = randomUUID()): Promise<number> {
  const body = JSON.stringify(payload);
  const response = await fetch(`${url}${WEBHOOK_PATH}`, {
    method: 'POST', body,
    headers: { 'content-type': 'application/json', 'x-github-event': name, 'x-github-delivery': id, 'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` },
  });
  await response.text();
  return response.status;
}

// Cases side by side, but at most three: on a loaded 2-core machine five at once could miss
// the 3 s deadline for want of CPU, not for anything the case is about.
const slots = pLimit(3);

/**
 * Runs `body` against its own App (see {@link startApp}), then closes it; whatever the
 * case, the stand-in saw no malformed request and no log line carries a secret.
 */
function withApp(body: (started: Started) => Promise<void>, settings: Partial<AppSettings> = {}, requestTimeoutMs = REQUEST_TIMEOUT_MS): Promise<void> {
  return slots(async () => {
    const started = await startApp(settings, requestTimeoutMs);
    try {
      await body(started);
    } finally {
      await started.app.close();
      await started.standIn.close();
    }
    expect(started.standIn.problems).toEqual([]);
    expect(linesWithSecrets(started.logs)).toEqual([]);
  });
}

function seed(standIn: StandIn): { repo: Repo; headSha: string; number: number } {
  const repo = standIn.state.addRepo('acme', 'product', { '.github/specgate.yml': CONFIG, '.specify/memory/constitution.md': CONSTITUTION });
  repo.commit('001-login', { 'specs/001-login/spec.md': SPEC_WITH_MARKERS });
  const pull = repo.openPull('001-login');
  return { repo, headSha: pull.headSha, number: pull.number };
}

/** The invariants whatever the fault: nothing in progress, no run name twice on the head, no issue twice. */
function expectNoLeftoversOrDuplicates(repo: Repo, headSha: string): void {
  const runs = repo.checkRunsFor(headSha);
  expect(runs.filter((run) => run.status !== 'completed').map((run) => run.name)).toEqual([]);
  expect(runs.map((run) => run.name).sort()).toEqual([...new Set(runs.map((run) => run.name))].sort());
  const titles = repo.realIssues().map((issue) => issue.title);
  expect(titles).toHaveLength(new Set(titles).size);
  expect(titles.length).toBeLessThanOrEqual(2);
}

type Way = '5xx once' | '5xx always' | 'secondary rate limit' | 'hang' | 'applied-but-500';

function fault(method: string, path: RegExp, way: Way): Fault {
  switch (way) {
    case '5xx once': return { method, path, status: 502 };
    case '5xx always': return { method, path, status: 502, times: Infinity };
    case 'secondary rate limit': return { method, path, secondaryRateLimit: 1, times: Infinity };
    case 'hang': return { method, path, timeout: true, times: Infinity };
    case 'applied-but-500': return { method, path, applied: true };
  }
}

/** The reason `specgate` shows when GitHub kept failing `step` this way. */
function reasonFor(step: string, way: Way): RegExp {
  const escaped = step.replace(/[()[\]]/g, '\\$&');
  if (way === 'secondary rate limit') return new RegExp(`GitHub's secondary rate limit refused ${escaped} .*; Re-run to try again`);
  if (way === 'hang') return new RegExp(`GitHub did not answer ${escaped} in time .*; Re-run to try again`);
  return new RegExp(`GitHub answered 502 ${escaped}; Re-run to try again`);
}

// Every read the gating of a new pull request makes (see the requests in faults.test.ts's flow).
const READS: [step: string, method: string, path: RegExp][] = [
  ['reading the pull request', 'GET', /\/pulls\/\d+$/],
  ['reading the files of the pull request', 'GET', /\/pulls\/\d+\/files$/],
  ['reading the comments of the pull request', 'GET', /\/issues\/\d+\/comments$/],
  ['reading the check runs', 'GET', /\/commits\/[0-9a-f]{40}\/check-runs$/],
  ['reading the config', 'GET', /\/contents\/\.github/],
  ['reading the documents', 'GET', /\/git\/trees\//],
  ['reading the documents', 'POST', /^\/graphql$/],
  ['reading the clarification issues', 'GET', /\/issues$/],
  ["reading specgate's own login (GET /app)", 'GET', /^\/app$/],
];
const READ_WAYS: Way[] = ['5xx once', '5xx always', 'secondary rate limit', 'hang'];

describe('reads', () => {
  test.concurrent.each(READS.flatMap(([step, method, path]) => READ_WAYS.map((way) => [step, `${method} ${path.source}`, way, method, path] as const)))(
    '%s (%s), %s', (step, _route, way, method, path) => withApp(async ({ standIn, deliver }) => {
      const { repo, headSha, number } = seed(standIn);
      standIn.faults.push(fault(method, path, way));
      const event = pullRequestEvent(repo, number);
      expect(await deliver('pull_request', event)).toBe(200);
      expectNoLeftoversOrDuplicates(repo, headSha);
      const [aggregate, ...more] = repo.checkRunsFor(headSha, 'specgate');
      expect(more).toEqual([]);
      expect(aggregate).toMatchObject({ status: 'completed', conclusion: 'failure' });
      if (way === '5xx once') {
        expect(aggregate!.output.title).toBe('Gates failed: 2 errors');
        expect(repo.realIssues()).toHaveLength(2);
      } else {
        expect(aggregate!.output.title).toBe('specgate could not finish');
        expect(aggregate!.output.summary).toMatch(reasonFor(step, way));
      }
      // GitHub healthy again: a redelivery brings the gates' result, nothing twice.
      standIn.faults.length = 0;
      expect(await deliver('pull_request', event)).toBe(200);
      expectNoLeftoversOrDuplicates(repo, headSha);
      expect(repo.checkRunsFor(headSha, 'specgate')).toEqual([expect.objectContaining({ status: 'completed', output: expect.objectContaining({ title: 'Gates failed: 2 errors' }) })]);
      expect(repo.realIssues().filter((issue) => issue.state === 'open')).toHaveLength(2);
    }),
  );
});

const WRITES: [what: string, method: string, path: RegExp][] = [
  ['creating a check run', 'POST', /\/check-runs$/],
  ['updating a check run', 'PATCH', /\/check-runs\/\d+$/],
  ['creating an issue', 'POST', /\/issues$/],
];
const WRITE_WAYS: Way[] = [...READ_WAYS, 'applied-but-500'];

describe('writes', () => {
  test.concurrent.each(WRITES.flatMap(([what, method, path]) => WRITE_WAYS.map((way) => [what, way, method, path] as const)))(
    '%s, %s', (what, way, method, path) => withApp(async ({ standIn, deliver }) => {
      const { repo, headSha, number } = seed(standIn);
      standIn.faults.push(fault(method, path, way));
      const event = pullRequestEvent(repo, number);
      expect(await deliver('pull_request', event)).toBe(200);
      const [aggregate, ...more] = repo.checkRunsFor(headSha, 'specgate');
      expect(more).toEqual([]);
      if (way === '5xx once' || way === 'applied-but-500') {
        expectNoLeftoversOrDuplicates(repo, headSha);
        expect(aggregate).toMatchObject({ status: 'completed', conclusion: 'failure', output: expect.objectContaining({ title: 'Gates failed: 2 errors' }) });
        expect(repo.realIssues()).toHaveLength(2);
      } else if (what === 'updating a check run') {
        // GitHub refused every update: the run stays in progress until a later event's sweep (see the sweep tests).
        expect(aggregate).toMatchObject({ status: 'in_progress' });
      } else if (what === 'creating a check run') {
        // No run could be created at all: nothing is left in progress.
        expectNoLeftoversOrDuplicates(repo, headSha);
        expect(aggregate).toBeUndefined();
      } else {
        expectNoLeftoversOrDuplicates(repo, headSha);
        expect(aggregate).toMatchObject({ status: 'completed', conclusion: 'failure', output: expect.objectContaining({ title: 'specgate could not finish' }) });
        expect(aggregate!.output.summary).toMatch(reasonFor('writing the clarification issues', way));
      }
      standIn.faults.length = 0;
      expect(await deliver('pull_request', event)).toBe(200);
      expectNoLeftoversOrDuplicates(repo, headSha);
      expect(repo.checkRunsFor(headSha, 'specgate')).toEqual([expect.objectContaining({ status: 'completed', output: expect.objectContaining({ title: 'Gates failed: 2 errors' }) })]);
      expect(repo.realIssues().filter((issue) => issue.state === 'open')).toHaveLength(2);
    }),
  );
});

describe('the deadline', () => {
  // One attempt alone (5 s here) outlasts the deadline.
  test('a request that hangs past the deadline (its timeout longer than the deadline) ends the gating: specgate concluded failed, naming the step', () => withApp(async ({ standIn, deliver }) => {
    const { repo, headSha, number } = seed(standIn);
    standIn.faults.push({ method: 'POST', path: /^\/graphql$/, timeout: true, times: Infinity });
    const started = Date.now();
    expect(await deliver('pull_request', pullRequestEvent(repo, number))).toBe(200);
    expect(Date.now() - started).toBeLessThan(4_000);
    const [aggregate] = repo.checkRunsFor(headSha, 'specgate');
    expect(aggregate).toMatchObject({ status: 'completed', conclusion: 'failure', output: expect.objectContaining({ title: 'specgate could not finish' }) });
    expect(aggregate!.output.summary).toMatch(/specgate did not finish within 1\.5 s: GitHub had not answered reading the documents; Re-run to try again/);
    expectNoLeftoversOrDuplicates(repo, headSha);
  }, { gatingDeadlineMs: 1_500 }, 5_000));
});

describe('runs left in progress', () => {
  /** A run of specgate in progress on `headSha`, started `minutes` ago (a replica that died mid-gating). */
  function leftBehind(repo: Repo, headSha: string, minutes: number): void {
    repo.checkRuns.push({
      id: repo.nextId(), name: 'specgate', head_sha: headSha, status: 'in_progress', conclusion: null,
      output: { title: 'Checking spec documents', summary: 'specgate is reading the changed documents.', text: null },
      annotations: [], actions: [], updates: 0, started_at: new Date(Date.now() - minutes * 60_000).toISOString(), completed_at: null,
    });
  }

  test('every update of the run refused: a later event for the repository concludes it once it is old enough', () => withApp(async ({ standIn, deliver }) => {
    const { repo, headSha, number } = seed(standIn);
    standIn.faults.push({ method: 'PATCH', path: /\/check-runs\/\d+$/, status: 502, times: Infinity });
    await deliver('pull_request', pullRequestEvent(repo, number));
    expect(repo.checkRunsFor(headSha, 'specgate')[0]).toMatchObject({ status: 'in_progress' });
    standIn.faults.length = 0;
    // Young: another PR's event leaves it alone.
    repo.commit('002-export', { 'specs/002-export/spec.md': SPEC_WITH_MARKERS.replace('Login', 'Export') });
    const other = repo.openPull('002-export');
    await deliver('pull_request', pullRequestEvent(repo, other.number));
    expect(repo.checkRunsFor(headSha, 'specgate')[0]).toMatchObject({ status: 'in_progress' });
    // Eleven minutes later, the next event concludes it with the reason.
    repo.checkRunsFor(headSha, 'specgate')[0]!.started_at = new Date(Date.now() - 11 * 60_000).toISOString();
    await deliver('pull_request', pullRequestEvent(repo, other.number, 'synchronize'));
    const [run] = repo.checkRunsFor(headSha, 'specgate');
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure', output: expect.objectContaining({ title: 'specgate could not finish' }) });
    expect(run!.output.summary).toContain('specgate stopped before it finished (the process ended or GitHub refused every update); Re-run to try again');
    expect(repo.checkRunsFor(other.headSha).filter((r) => r.status !== 'completed')).toEqual([]);
  }));

  test('the Re-run button concludes a run left behind on a commit no open pull request has as its head', () => withApp(async ({ standIn, deliver }) => {
    const { repo, headSha } = seed(standIn);
    repo.pulls.get(1)!.state = 'closed';
    leftBehind(repo, headSha, 30);
    const event = examplePayload('check_run', 'rerequested', repo, (payload) => {
      Object.assign(payload['check_run'], { name: 'specgate', head_sha: headSha, pull_requests: [] });
    });
    expect(await deliver('check_run', event)).toBe(200);
    expect(repo.checkRunsFor(headSha, 'specgate')).toEqual([expect.objectContaining({ status: 'completed', conclusion: 'failure' })]);
  }));

  test('a sweep runs at most once per repository per interval', () => withApp(async ({ standIn, deliver }) => {
    const { repo, headSha, number } = seed(standIn);
    for (const name of ['002-a', '003-b', '004-c']) {
      repo.commit(name, { [`specs/${name}/spec.md`]: SPEC_WITH_MARKERS });
      repo.openPull(name);
    }
    leftBehind(repo, headSha, 30);
    await deliver('pull_request', pullRequestEvent(repo, number, 'synchronize'));
    // The gating of PR 1 reuses and concludes its own run; the sweep lists the open pull requests once.
    expect(standIn.requests.filter((request) => request.route === 'GET /repos/{owner}/{repo}/pulls')).toHaveLength(1);
    expect(repo.checkRunsFor(headSha).filter((run) => run.status !== 'completed')).toEqual([]);
    // A second event within the interval sweeps nothing.
    const before = standIn.requests.length;
    await deliver('pull_request', pullRequestEvent(repo, 2, 'synchronize'));
    expect(standIn.requests.slice(before).filter((request) => request.route === 'GET /repos/{owner}/{repo}/pulls')).toEqual([]);
  }, { staleRuns: { everyMs: 60_000, maxPulls: 3 } }));
});
