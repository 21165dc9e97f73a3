/**
 * The App started the way its README says: a built copy of the repository, a `.env` and
 * nothing else, `npm start` (or `node build/app/index.js`, the image's command), against the
 * GitHub stand-in served under GitHub Enterprise's paths (`/api/v3`, `/api/graphql`) over
 * `http` (GHE_HOST with GHE_PROTOCOL=http), with signed deliveries of real example payloads.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from '@jest/globals';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, type Repo, type StandIn } from '../support/github-standin/index.js';
import { collect } from '../support/app-process.js';
import { pullRequestEvent } from './harness.js';
import { CONFIG, CONSTITUTION, SPEC_WITH_MARKERS } from './fixtures.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SECRET = 'startup-test-secret';
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });

let clone: string;

beforeAll(() => {
  // A fresh clone after `npm install` and `npm run build`: the build, package.json, app.yml, the dependencies.
  clone = mkdtempSync(join(tmpdir(), 'specgate-startup-'));
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(clone, 'build'), '--sourceMap', 'false'], { stdio: 'pipe' });
  for (const file of ['package.json', 'app.yml', '.env.example']) copyFileSync(join(ROOT, file), join(clone, file));
  symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
}, 120_000);

afterAll(() => rmSync(clone, { recursive: true, force: true }));

let standIn: StandIn;
let ghes: Server;
let ghesHost: string;
let apiPaths: string[];
let app: Started | undefined;

beforeEach(async () => {
  standIn = await start();
  apiPaths = [];
  ghes = enterpriseFront(standIn.url, apiPaths);
  await new Promise<void>((resolve) => ghes.listen(0, '127.0.0.1', resolve));
  ghesHost = `127.0.0.1:${(ghes.address() as AddressInfo).port}`;
  rmSync(join(clone, '.env'), { force: true });
  rmSync(join(clone, 'specgate.private-key.pem'), { force: true });
});

afterEach(async () => {
  // Its own process group: `npm start`'s node child goes with it.
  if (app?.child.exitCode === null && app.child.pid) process.kill(-app.child.pid, 'SIGKILL');
  app = undefined;
  expect(standIn.problems).toEqual([]);
  ghes.closeAllConnections();
  await new Promise((resolve) => ghes.close(resolve));
  await standIn.close();
});

/** GitHub Enterprise's layout in front of the stand-in: REST under `/api/v3`, GraphQL at `/api/graphql`. */
function enterpriseFront(target: string, seen: string[]): Server {
  return createServer((req, res) => {
    seen.push(req.url ?? '');
    const path = (req.url ?? '').replace(/^\/api\/v3(?=\/|$)/, '').replace(/^\/api\/graphql/, '/graphql');
    const upstream = request(new URL(path || '/', target), { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
}

/** The README's `.env`: the app's id, its key, the webhook secret; PORT 0 so that tests run side by side. */
function dotEnv(lines: Record<string, string>): void {
  const base = { APP_ID: '1', WEBHOOK_SECRET: SECRET, HOST: '127.0.0.1', PORT: '0', GHE_HOST: ghesHost, GHE_PROTOCOL: 'http' };
  writeFileSync(join(clone, '.env'), Object.entries({ ...base, ...lines }).map(([name, value]) => `${name}=${value}`).join('\n') + '\n');
}

interface Started {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exit: Promise<number | null>;
}

/** Starts the App as users do, with no variable of the test's own environment but PATH and HOME. */
function launch(command: 'npm start' | 'node', env: Record<string, string> = {}): Started {
  const [file, args] = command === 'npm start' ? ['npm', ['start', '--silent']] : [process.execPath, ['build/app/index.js']];
  const child = spawn(file, args, { cwd: clone, env: { PATH: process.env['PATH']!, HOME: process.env['HOME'] ?? clone, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const started: Started = { child, stdout: [], stderr: [], exit: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
  collect(child.stdout!, started.stdout);
  collect(child.stderr!, started.stderr);
  app = started;
  return started;
}

/** Waits for a line of stdout matching `pattern` and returns its match. */
async function waitFor(started: Started, pattern: RegExp, ms = 20_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + ms;
  for (;;) {
    const match = started.stdout.map((line) => pattern.exec(line)).find(Boolean);
    if (match) return match;
    if (Date.now() > deadline || started.child.exitCode !== null) throw new Error(`No line matching ${pattern}; stdout:\n${started.stdout.join('\n')}\nstderr:\n${started.stderr.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const listening = (started: Started): Promise<string> => waitFor(started, /specgate listening on (http:\/\/[\d.]+:\d+)/).then((match) => match[1]!);

async function deliver(url: string, name: string, payload: Record<string, unknown>): Promise<number> {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
  const response = await fetch(`${url}/api/github/webhooks`, {
    method: 'POST', body,
    headers: { 'content-type': 'application/json', 'x-github-event': name, 'x-github-delivery': randomUUID(), 'x-hub-signature-256': signature },
  });
  await response.text();
  return response.status;
}

function seed(): { repo: Repo; number: number; sha: string } {
  const repo = standIn.state.addRepo('acme', 'product', { '.github/specgate.yml': CONFIG, '.specify/memory/constitution.md': CONSTITUTION, 'README.md': '# Product\n' });
  repo.commit('001-login', { 'specs/001-login/spec.md': SPEC_WITH_MARKERS });
  const pull = repo.openPull('001-login');
  return { repo, number: pull.number, sha: pull.headSha };
}

/**
 * 200 once the handlers are done, or 202 when they run past Probot's 9 s (GitHub waits 10 s):
 * the App paces its writes as GitHub asks (about one a second), so a first gate with issues takes longer.
 */
const ANSWERED = [200, 202];

/**
 * The write pacing (SPECGATE_WRITE_INTERVAL_MS, one write a second by default) for the tests
 * about something else than the README's defaults: a gating's eight writes and two
 * notifying ones otherwise take about ten seconds to wait out.
 */
const FAST_WRITES = { SPECGATE_WRITE_INTERVAL_MS: '20' };

/** The aggregate run on `sha` once it is completed (or as it is after 30 s). */
async function concluded(repo: Repo, sha: string): Promise<unknown> {
  const deadline = Date.now() + 30_000;
  while (repo.checkRunsFor(sha, 'specgate')[0]?.status !== 'completed' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return repo.checkRunsFor(sha, 'specgate')[0];
}

/** A delivery gets its answer, and the aggregate run on the head ends concluded. */
async function expectConcludedCheck(url: string): Promise<void> {
  const { repo, number, sha } = seed();
  expect(ANSWERED).toContain(await deliver(url, 'pull_request', pullRequestEvent(repo, number)));
  expect(await concluded(repo, sha)).toEqual(expect.objectContaining({ status: 'completed', conclusion: 'failure' }));
  expect(repo.checkRunsFor(sha)).toHaveLength(6);
  // Every call went to the Enterprise host over http: REST under /api/v3, GraphQL at /api/graphql.
  expect(apiPaths.length).toBeGreaterThan(0);
  expect(apiPaths.every((path) => path.startsWith('/api/v3/') || path === '/api/graphql')).toBe(true);
  expect(apiPaths).toContain('/api/graphql');
}

test('README: .env with PRIVATE_KEY_PATH, `npm start`, a signed delivery, a concluded check run (GHE_HOST with GHE_PROTOCOL=http)', async () => {
  writeFileSync(join(clone, 'specgate.private-key.pem'), privateKey);
  dotEnv({ PRIVATE_KEY_PATH: './specgate.private-key.pem' });
  const started = launch('npm start');
  const url = await listening(started);
  expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
  await expectConcludedCheck(url);
}, 60_000);

test('a base64 PRIVATE_KEY (the form Probot documents for hosts without files)', async () => {
  dotEnv({ PRIVATE_KEY: Buffer.from(privateKey).toString('base64'), ...FAST_WRITES });
  const started = launch('npm start');
  await expectConcludedCheck(await listening(started));
}, 60_000);

test('LOG_FORMAT=json: every line the App writes parses as JSON, the delivery and the check included', async () => {
  writeFileSync(join(clone, 'specgate.private-key.pem'), privateKey);
  dotEnv({ PRIVATE_KEY_PATH: './specgate.private-key.pem', LOG_FORMAT: 'json', LOG_LEVEL: 'debug', ...FAST_WRITES });
  const started = launch('node');
  await expectConcludedCheck(await listening(started));
  started.child.kill('SIGTERM');
  expect(await started.exit).toBe(0);
  expect(started.stdout.length).toBeGreaterThan(3);
  for (const line of started.stdout) expect(() => JSON.parse(line) as unknown).not.toThrow();
  expect(started.stdout.map((line) => (JSON.parse(line) as { msg?: string }).msg)).toEqual(expect.arrayContaining([expect.stringMatching(/^specgate gated a commit/), 'specgate stopped']));
  expect(started.stderr).toEqual([]);
}, 60_000);

test.each([
  ['PORT', { PORT: 'eighty' }, 'specgate: Unexpected PORT `eighty`, expected a port number from 0 to 65535'],
  ['LOG_LEVEL', { LOG_LEVEL: 'verbose' }, 'specgate: Unexpected LOG_LEVEL `verbose`, expected one of trace, debug, info, warn, error, fatal, silent'],
  ['GHE_PROTOCOL', { GHE_PROTOCOL: 'ftp' }, 'specgate: Unexpected GHE_PROTOCOL `ftp`, expected one of https, http'],
  ['PRIVATE_KEY', { PRIVATE_KEY: 'not a key' }, 'specgate: Unexpected private key: The contents of "env.PRIVATE_KEY" could not be validated. Please check to ensure you have copied the contents of the .pem file correctly.'],
  ['PRIVATE_KEY_PATH', { PRIVATE_KEY_PATH: './missing.pem' }, 'specgate: Unexpected private key: Private key does not exists at path: "./missing.pem". Please check to ensure that "env.PRIVATE_KEY_PATH" is correct.'],
  ['a PEM that is no key', { PRIVATE_KEY: '-----BEGIN RSA PRIVATE KEY-----\\nAAAA\\n-----END RSA PRIVATE KEY-----' }, "specgate: Unexpected private key in PRIVATE_KEY, expected the PEM file downloaded from the app's settings page (as is, with \\n for line breaks, or base64)"],
])('a bad %s is one clear line on stderr and exit code 1, no stack trace', async (_name, lines, message) => {
  dotEnv({ ...('PRIVATE_KEY_PATH' in lines ? {} : { PRIVATE_KEY: Buffer.from(privateKey).toString('base64') }), ...lines });
  const started = launch('node');
  expect(await started.exit).toBe(1);
  await new Promise((resolve) => setImmediate(resolve));
  expect(started.stderr.filter((line) => line !== '')).toEqual([message]);
  expect(started.stdout).toEqual([]);
}, 30_000);

test('SIGTERM mid-delivery: no new connection is accepted, the delivery in flight concludes its check, then the process exits 0', async () => {
  writeFileSync(join(clone, 'specgate.private-key.pem'), privateKey);
  dotEnv({ PRIVATE_KEY_PATH: './specgate.private-key.pem', LOG_FORMAT: 'json' });
  const started = launch('node');
  const url = await listening(started);
  const { repo, number, sha } = seed();
  // Each GitHub call takes 150 ms: the delivery is still running when the signal comes.
  standIn.latency.ms = 150;
  const delivery = deliver(url, 'pull_request', pullRequestEvent(repo, number));
  const deadline = Date.now() + 20_000;
  while (repo.checkRunsFor(sha, 'specgate')[0]?.status !== 'in_progress' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(repo.checkRunsFor(sha, 'specgate')[0]?.status).toBe('in_progress');
  started.child.kill('SIGTERM');
  await waitFor(started, /specgate stopping on SIGTERM: finishing 1 deliveries in flight/);
  await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  expect(ANSWERED).toContain(await delivery);
  expect(await started.exit).toBe(0);
  // Concluded before the process ended: nothing is left to wait for.
  expect(repo.checkRunsFor(sha, 'specgate')[0]).toEqual(expect.objectContaining({ status: 'completed', conclusion: 'failure' }));
  expect(repo.checkRunsFor(sha)).toHaveLength(6);
}, 60_000);

test('first run without credentials: Probot\'s setup flow offers to register the app from app.yml', async () => {
  const port = await freePort();
  writeFileSync(join(clone, '.env'), `HOST=127.0.0.1\nPORT=${port}\nNO_SMEE_SETUP=true\n`);
  const started = launch('npm start');
  await waitFor(started, /Listening on http:\/\/127\.0\.0\.1:\d+/);
  const page = await fetch(`http://127.0.0.1:${port}/probot`);
  expect(page.status).toBe(200);
  const html = await page.text();
  // The manifest posted to GitHub is app.yml's: its name, events and permissions.
  const manifest = JSON.parse(decodeHtml(/name="manifest" value="([^"]*)"/.exec(html)?.[1] ?? /value='([^']*)'/.exec(html)?.[1] ?? '{}')) as Record<string, unknown>;
  expect(manifest).toEqual(expect.objectContaining({ name: 'specgate', default_events: expect.arrayContaining(['pull_request', 'issue_comment', 'merge_group']) }));
  expect(manifest['default_permissions']).toEqual(expect.objectContaining({ checks: 'write', issues: 'write', contents: 'read' }));
  expect(html).toContain('github.com/settings/apps/new');
  expect(readFileSync(join(clone, '.env'), 'utf8')).not.toContain('APP_ID');
}, 60_000);

function decodeHtml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function freePort(): Promise<number> {
  const probe = createServer();
  return new Promise((resolve) => probe.listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as AddressInfo;
    probe.close(() => resolve(port));
  }));
}
