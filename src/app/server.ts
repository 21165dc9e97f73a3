import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import type { DestinationStream } from 'pino';
import { createNodeMiddleware, Probot, type ProbotOctokit } from 'probot';
import { DEFAULT_SETTINGS, specgateApp } from './app.js';
import { createLog } from '../github/flows/create-log.js';
import { createEvaluator, DEFAULT_EVALUATION_TIMEOUT_MS } from '../github/flows/evaluate-pool.js';
import { limitConfigFile, REQUEST_TIMEOUT_MS, timedFetch } from '../github/flows/index.js';
import { appOctokit } from './octokit.js';
import type { AppSettings } from './port.js';
import { readLimitedBody } from './read-body.js';

/** Where GitHub posts webhooks. */
export const WEBHOOK_PATH = '/api/github/webhooks';

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
  /** Where log lines go (stdout by default; tests keep them in memory). */
  logDestination?: DestinationStream;
}

/**
 * An HTTP server with the webhook endpoint and `GET /healthz`. Built on Probot's
 * `createNodeMiddleware`, so the same app also runs in any serverless handler. Request
 * bodies are capped before Probot reads them, documents are evaluated in worker threads
 * (closed with the server), and log lines are bounded (see {@link createLog}).
 */
export async function startServer(options: ServerOptions): Promise<{ url: string; server: HttpServer; probot: Probot; close(): Promise<void> }> {
  const probot = new Probot({
    appId: options.appId,
    privateKey: options.privateKey,
    secret: options.webhookSecret,
    log: createLog({ level: options.logLevel ?? 'info', ...(options.logDestination ? { destination: options.logDestination } : {}) }),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    Octokit: (options.Octokit ?? appOctokit()).plugin(limitConfigFile),
    request: { fetch: timedFetch(options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS) },
  });
  const settings = options.settings ?? DEFAULT_SETTINGS;
  // Only a pool made here is ours to stop; evaluations still running conclude as failed.
  const pool = settings.evaluator ? undefined : createEvaluator({ timeoutMs: settings.evaluationTimeoutMs ?? DEFAULT_EVALUATION_TIMEOUT_MS });
  const middleware = await createNodeMiddleware(specgateApp({ ...settings, evaluator: settings.evaluator ?? pool! }), { probot, webhooksPath: WEBHOOK_PATH });
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    // Every path, not only the webhook path: Probot also matches it with a query or a trailing slash.
    if (req.method !== 'GET' && req.method !== 'HEAD' && !(await readLimitedBody(req, res))) return;
    await middleware(req, res, () => res.writeHead(404).end());
  };
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(options.port ?? 3000, options.host ?? '0.0.0.0', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    server,
    probot,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await pool?.close();
    },
  };
}

/**
 * Reads APP_ID, PRIVATE_KEY_PATH (or PRIVATE_KEY), WEBHOOK_SECRET, PORT, GHE_HOST,
 * LOG_LEVEL and SPECGATE_EVALUATION_TIMEOUT_MS, and starts.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const missing = ['APP_ID', 'WEBHOOK_SECRET'].filter((name) => !env[name]);
  if (!env['PRIVATE_KEY'] && !env['PRIVATE_KEY_PATH']) missing.push('PRIVATE_KEY_PATH');
  if (missing.length > 0) {
    console.error(`specgate: missing environment variables: ${missing.join(', ')} (see .env.example)`);
    process.exitCode = 1;
    return;
  }
  const timeout = env['SPECGATE_EVALUATION_TIMEOUT_MS']?.trim() || String(DEFAULT_EVALUATION_TIMEOUT_MS);
  if (!/^[1-9]\d*$/.test(timeout)) {
    console.error(`specgate: unexpected SPECGATE_EVALUATION_TIMEOUT_MS \`${timeout.slice(0, 40)}\`, expected a whole number of milliseconds such as 60000`);
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
    settings: { ...DEFAULT_SETTINGS, evaluationTimeoutMs: Number(timeout) },
  });
  started.probot.log.info(`specgate listening on ${started.url} (webhooks at ${WEBHOOK_PATH}, health at /healthz)`);
}
