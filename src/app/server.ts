import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import type { DestinationStream, Level, Logger } from 'pino';
import { Probot, Server, type ApplicationFunction, type ProbotOctokit } from 'probot';
import { DEFAULT_SETTINGS, evaluatorFor, specgateApp } from './app.js';
import { createLog } from '../github/flows/create-log.js';
import { limitConfigFile, REQUEST_TIMEOUT_MS, timedFetch } from '../github/flows/index.js';
import { appOctokit } from './octokit.js';
import type { AppSettings } from './port.js';
import { readLimitedBody } from './read-body.js';

/** Where GitHub posts webhooks unless `WEBHOOK_PATH` says otherwise (Probot's default). */
export const WEBHOOK_PATH = '/api/github/webhooks';

export interface ServerOptions {
  appId: string | number;
  privateKey: string;
  webhookSecret: string;
  port?: number;
  /** Probot's default is `localhost`; a container sets `HOST=0.0.0.0`. */
  host?: string;
  webhookPath?: string;
  /** A smee.io channel that forwards GitHub's deliveries to this server (local development). */
  webhookProxyUrl?: string;
  /** GitHub's API root (a GHES `https://host/api/v3`, or a test stand-in). */
  baseUrl?: string;
  /** Octokit class with retry/throttle tuned (tests shorten delays). */
  Octokit?: typeof ProbotOctokit;
  requestTimeoutMs?: number;
  settings?: AppSettings;
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
  /** Where log lines go (stdout by default; tests keep them in memory). */
  logDestination?: DestinationStream;
  /** A ready logger; `logLevel` and `logDestination` are then unused. */
  log?: Logger;
}

export interface StartedServer {
  url: string;
  server: HttpServer;
  probot: Probot;
  /** Deliveries whose handlers are still running. */
  readonly inFlight: number;
  /** Stops accepting connections, lets the deliveries in flight finish (their checks concluded), then stops the workers. */
  drain(): Promise<void>;
  /** Stops at once: open connections are cut, evaluations still running conclude as failed. */
  close(): Promise<void>;
}

/**
 * Probot's own `Server` running the specgate app, plus `GET /healthz`. Request bodies are
 * capped before Probot's webhook middleware reads them (see {@link readLimitedBody}),
 * every GitHub request has a deadline, documents are evaluated in worker threads (stopped
 * with the server), and log lines are bounded (see {@link createLog}).
 */
export async function startServer(options: ServerOptions): Promise<StartedServer> {
  // Probot's Server reads port 0 as its default 3000: a free port is picked first.
  const port = options.port === 0 ? await freePort(options.host ?? 'localhost') : options.port ?? 3000;
  const log = options.log ?? createLog({ level: (options.logLevel ?? 'info') as Level, ...(options.logDestination ? { destination: options.logDestination } : {}) });
  const server = probotServer({ ...options, port, log });
  const settings = options.settings ?? DEFAULT_SETTINGS;
  // Only a pool made here is ours to stop.
  const pool = settings.evaluator ? undefined : evaluatorFor(settings, log);
  const deliveries = new Set<Promise<unknown>>();
  let probot: Probot | undefined;
  await server.load((app, appOptions) => {
    probot = app;
    appOptions.addHandler(healthHandler);
    return tracked(specgateApp({ ...settings, evaluator: settings.evaluator ?? pool! }), deliveries)(app, appOptions);
  });
  const http = await server.start();
  const stop = async (drain: boolean): Promise<void> => {
    const stopped = server.stop();
    while (drain && deliveries.size > 0) await Promise.allSettled([...deliveries]);
    http.closeAllConnections();
    await stopped;
    await pool?.close();
  };
  return {
    url: `http://${printable(options.host ?? '127.0.0.1')}:${server.port}`,
    server: http,
    probot: probot!,
    get inFlight() {
      return deliveries.size;
    },
    drain: () => stop(true),
    close: () => stop(false),
  };
}

/** Probot's `Server` and Probot class with specgate's Octokit, request deadline, logger and body limit. */
function probotServer(options: ServerOptions & { log: Logger }): Server {
  const { log } = options;
  // Given to both: the server hands its own `request` to the Probot it creates.
  const request = { fetch: timedFetch(options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS) };
  const ProbotWithDefaults = Probot.defaults({
    appId: options.appId, privateKey: options.privateKey, secret: options.webhookSecret, log, request,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    Octokit: (options.Octokit ?? appOctokit()).plugin(limitConfigFile),
  }) as typeof Probot;
  return new Server({
    Probot: withBodyLimit(ProbotWithDefaults), log, request,
    port: options.port!, host: options.host ?? 'localhost', webhookPath: options.webhookPath ?? WEBHOOK_PATH,
    ...(options.webhookProxyUrl ? { webhookProxy: options.webhookProxyUrl } : {}),
  });
}

/** A port free on `host` now (the server binds it right after). */
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer().once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** `0.0.0.0` and `::` are where the server listens, not where a client reaches it. */
function printable(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** `GET /healthz`: the process is up and serving (Probot's own `GET /ping` answers too). */
function healthHandler(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' || req.url?.split('?')[0] !== '/healthz') return false;
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
  return true;
}

type NodeMiddleware = Awaited<ReturnType<Probot['getNodeMiddleware']>>;

/**
 * Probot whose webhook middleware reads at most GitHub's 25 MB of body first (a larger one
 * is answered 413 and dropped); Probot's own reader buffers any size. Every path, not only
 * the webhook path: the middleware also matches it with a query or a trailing slash.
 */
function withBodyLimit(Base: typeof Probot): typeof Probot {
  return class extends Base {
    override async getNodeMiddleware(options?: Parameters<Probot['getNodeMiddleware']>[0]): Promise<NodeMiddleware> {
      const middleware = await super.getNodeMiddleware(options);
      return (async (req: IncomingMessage, res: ServerResponse, next?: () => void) => {
        if (req.method !== 'GET' && req.method !== 'HEAD' && !(await readLimitedBody(req, res))) return true;
        return middleware(req, res, next);
      }) as NodeMiddleware;
    }
  };
}

/** The app with every event handler's promise kept in `deliveries` while it runs, so a shutdown can wait for them. */
function tracked(appFn: ApplicationFunction, deliveries: Set<Promise<unknown>>): ApplicationFunction {
  return (app, appOptions) => {
    const on = ((names: unknown, handler: (context: unknown) => Promise<unknown>) => app.on(names as never, (context: unknown) => {
      const delivery = handler(context);
      deliveries.add(delivery);
      return delivery.finally(() => deliveries.delete(delivery));
    })) as Probot['on'];
    const view = new Proxy(app, {
      get(target, key) {
        if (key === 'on') return on;
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    return appFn(view, appOptions);
  };
}
