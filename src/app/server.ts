import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { createNodeMiddleware, Probot, type ProbotOctokit } from 'probot';
import { DEFAULT_SETTINGS, specgateApp } from './app.js';
import { appOctokit } from './octokit.js';
import type { AppSettings } from './gate.js';

/** Where GitHub posts webhooks. */
export const WEBHOOK_PATH = '/api/github/webhooks';
/** Per-request timeout: a GitHub that never answers is retried, never waited on forever. */
export const REQUEST_TIMEOUT_MS = 10_000;

export interface ServerOptions {
  appId: string | number;
  privateKey: string;
  webhookSecret: string;
  port?: number;
  host?: string;
  /** GitHub's API root (a GHES `https://host/api/v3`, or a test stand-in). */
  baseUrl?: string;
  /** Octokit class with retry/throttle tuned (tests shorten delays). */
  Octokit?: typeof ProbotOctokit;
  requestTimeoutMs?: number;
  settings?: AppSettings;
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
}

/** `fetch` with a timeout per attempt, so Octokit's retry plugin sees a hung request as a failure. */
export function timedFetch(timeoutMs: number): typeof fetch {
  return (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}

/**
 * An HTTP server with the webhook endpoint and `GET /healthz`. Built on Probot's
 * `createNodeMiddleware`, so the same app also runs in any serverless handler.
 */
export async function startServer(options: ServerOptions): Promise<{ url: string; server: HttpServer; probot: Probot; close(): Promise<void> }> {
  const probot = new Probot({
    appId: options.appId,
    privateKey: options.privateKey,
    secret: options.webhookSecret,
    logLevel: options.logLevel ?? 'info',
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    Octokit: options.Octokit ?? appOctokit(),
    request: { fetch: timedFetch(options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS) },
  });
  const middleware = await createNodeMiddleware(specgateApp(options.settings ?? DEFAULT_SETTINGS), { probot, webhooksPath: WEBHOOK_PATH });
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    void middleware(req, res, () => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 3000, options.host ?? '0.0.0.0', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    server,
    probot,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Reads APP_ID, PRIVATE_KEY_PATH (or PRIVATE_KEY), WEBHOOK_SECRET, PORT, GHE_HOST and starts. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const missing = ['APP_ID', 'WEBHOOK_SECRET'].filter((name) => !env[name]);
  if (!env['PRIVATE_KEY'] && !env['PRIVATE_KEY_PATH']) missing.push('PRIVATE_KEY_PATH');
  if (missing.length > 0) {
    console.error(`specgate: missing environment variables: ${missing.join(', ')} (see .env.example)`);
    process.exitCode = 1;
    return;
  }
  const privateKey = env['PRIVATE_KEY'] ?? readFileSync(env['PRIVATE_KEY_PATH']!, 'utf8');
  const started = await startServer({
    appId: env['APP_ID']!,
    privateKey,
    webhookSecret: env['WEBHOOK_SECRET']!,
    port: Number(env['PORT'] ?? 3000),
    host: env['HOST'] ?? '0.0.0.0',
    ...(env['GHE_HOST'] ? { baseUrl: `https://${env['GHE_HOST']}/api/v3` } : {}),
    logLevel: (env['LOG_LEVEL'] as ServerOptions['logLevel']) ?? 'info',
  });
  started.probot.log.info(`specgate listening on ${started.url} (webhooks at ${WEBHOOK_PATH}, health at /healthz)`);
}
