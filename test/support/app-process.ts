/**
 * Real App processes, started the way the README says (see test/app/startup.test.ts): a
 * built copy of the repository with its `.env` (the app's id, key and webhook secret),
 * `node build/app/index.js` (the image's command) or `npm start`, against a GitHub
 * stand-in served under GitHub Enterprise's paths (`/api/v3`, `/api/graphql`) over http.
 * Each process gets its own environment on top of the `.env` (REDIS_URL, timeouts, LOG_*),
 * runs in its own process group and is killed on {@link AppProcess.kill}. Deliveries are
 * signed with the copy's webhook secret.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
export const APP_SECRET = 'app-process-secret';

export interface BuiltApp {
  /** The copy: `build/`, package.json, app.yml, `.env`, node_modules linked to the repository's. */
  dir: string;
  remove(): void;
}

/**
 * Builds the App into a temporary copy (tsc, as `npm run build` does; about 10-20 s) and
 * writes its `.env`: APP_ID=1, the webhook secret, a fresh private key, HOST=127.0.0.1,
 * PORT=0. Build once per test file (in `beforeAll`) and start any number of processes from it.
 */
export function buildApp(): BuiltApp {
  const dir = mkdtempSync(join(tmpdir(), 'specgate-app-'));
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(dir, 'build'), '--sourceMap', 'false'], { stdio: 'pipe' });
  for (const file of ['package.json', 'app.yml', '.env.example']) copyFileSync(join(ROOT, file), join(dir, file));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  writeFileSync(join(dir, 'specgate.private-key.pem'), privateKey);
  const lines = { APP_ID: '1', WEBHOOK_SECRET: APP_SECRET, PRIVATE_KEY_PATH: './specgate.private-key.pem', HOST: '127.0.0.1', PORT: '0', GHE_PROTOCOL: 'http', LOG_FORMAT: 'json' };
  writeFileSync(join(dir, '.env'), Object.entries(lines).map(([name, value]) => `${name}=${value}`).join('\n') + '\n');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface EnterpriseFront {
  /** `127.0.0.1:<port>`, for GHE_HOST. */
  host: string;
  /** Every path requested, in order. */
  paths: string[];
  close(): Promise<void>;
}

/** GitHub Enterprise's layout in front of a stand-in: REST under `/api/v3`, GraphQL at `/api/graphql`. */
export async function enterpriseFront(target: string): Promise<EnterpriseFront> {
  const paths: string[] = [];
  const server: Server = createServer((req, res) => {
    paths.push(req.url ?? '');
    const path = (req.url ?? '').replace(/^\/api\/v3(?=\/|$)/, '').replace(/^\/api\/graphql/, '/graphql');
    const upstream = request(new URL(path || '/', target), { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    paths,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export interface AppProcessOptions {
  app: BuiltApp;
  /** GHE_HOST: an {@link EnterpriseFront}'s host. */
  gheHost: string;
  /** More variables (REDIS_URL, SPECGATE_*, LOG_LEVEL…); they win over `.env`. */
  env?: Record<string, string>;
  /** `node` (default: `node build/app/index.js`, so that `pid` is the App's own process) or `npm start`. */
  command?: 'node' | 'npm start';
  /** How long to wait for "specgate listening on" (default 20 s). */
  startMs?: number;
}

export interface AppProcess {
  child: ChildProcess;
  /** The pid of the node process serving (with `npm start`: npm's child). */
  nodePid(): number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  stdout: string[];
  stderr: string[];
  exit: Promise<number | null>;
  /** Posts a signed delivery; resolves to the HTTP status. */
  deliver(name: string, payload: Record<string, unknown>, id?: string): Promise<number>;
  /** Waits for a stdout line matching `pattern` (after line `from`, default 0). */
  waitFor(pattern: RegExp, ms?: number, from?: number): Promise<RegExpMatchArray>;
  /** Peak resident memory of the node process (VmHWM from /proc, in kB), or undefined once it has exited. */
  peakRssKb(): number | undefined;
  /** Kills the process group (SIGKILL by default) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts one App process from `options.app` and waits until it listens. */
export async function startApp(options: AppProcessOptions): Promise<AppProcess> {
  const [file, args] = options.command === 'npm start' ? ['npm', ['start', '--silent']] : [process.execPath, ['build/app/index.js']];
  const env = { PATH: process.env['PATH']!, HOME: process.env['HOME'] ?? options.app.dir, GHE_HOST: options.gheHost, ...options.env };
  const child = spawn(file, args, { cwd: options.app.dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const stdout: string[] = [];
  const stderr: string[] = [];
  collect(child.stdout!, stdout);
  collect(child.stderr!, stderr);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, ms = 20_000, from = 0): Promise<RegExpMatchArray> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const match = stdout.slice(from).map((line) => pattern.exec(line)).find(Boolean);
      if (match) return match;
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`No line matching ${pattern}; stdout:\n${stdout.join('\n')}\nstderr:\n${stderr.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      return;
    }
    await exit;
  };
  let url: string;
  try {
    url = (await waitFor(/specgate listening on (http:\/\/[\d.]+:\d+)/, options.startMs))[1]!;
  } catch (error) {
    await kill();
    throw error;
  }
  const nodePid = (): number => (options.command === 'npm start' ? childOf(child.pid!) ?? child.pid! : child.pid!);
  return {
    child, nodePid, url, stdout, stderr, exit, waitFor, kill,
    deliver: (name, payload, id) => deliver(url, name, payload, id),
    peakRssKb: () => peakRss(nodePid()),
  };
}

/** Posts a delivery signed with {@link APP_SECRET} to `url`'s webhook path; resolves to the status. */
export async function deliver(url: string, name: string, payload: Record<string, unknown>, id: string = randomUUID()): Promise<number> {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}`;
  const response = await fetch(`${url}/api/github/webhooks`, {
    method: 'POST', body,
    headers: { 'content-type': 'application/json', 'x-github-event': name, 'x-github-delivery': id, 'x-hub-signature-256': signature },
  });
  await response.text();
  return response.status;
}

/** Appends each line `stream` writes to `lines` (the last one at the end of the stream). */
export function collect(stream: NodeJS.ReadableStream, lines: string[]): void {
  let rest = '';
  stream.on('data', (chunk: Buffer) => {
    const parts = (rest + chunk.toString('utf8')).split('\n');
    rest = parts.pop()!;
    lines.push(...parts);
  });
  stream.on('end', () => rest && lines.push(rest));
}

function childOf(pid: number): number | undefined {
  const file = `/proc/${pid}/task/${pid}/children`;
  if (!existsSync(file)) return undefined;
  const first = readFileSync(file, 'utf8').trim().split(/\s+/)[0];
  return first ? Number(first) : undefined;
}

function peakRss(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
