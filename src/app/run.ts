import { getTransformStream } from '@probot/pino';
import { pino, type Level, type Logger } from 'pino';
import { run as runProbot } from 'probot';
import { DEFAULT_SETTINGS, specgateApp } from './app.js';
import { readAppEnv, withDotEnv, type AppEnv } from './env.js';
import { createLog } from '../github/flows/create-log.js';
import { appOctokit, throttleOptions } from './octokit.js';
import type { AppSettings } from './port.js';
import { connectRedis, type SharedRedis } from './redis.js';
import { startServer, type StartedServer } from './server.js';

/**
 * `npm start`: reads `.env` and the environment as Probot does (see {@link readAppEnv}) and
 * starts Probot's server with the app. Without APP_ID and a private key, Probot's setup flow
 * starts instead: it registers the app from `app.yml` and writes `.env`. A wrong variable is
 * one line on stderr and exit code 1. With REDIS_URL, the replicas share a lock per head and
 * GitHub's throttling through that Redis (see {@link connectRedis}). SIGTERM and SIGINT stop
 * accepting deliveries, let those in flight conclude their checks, then exit.
 */
export async function run(given: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<void> {
  let config: AppEnv;
  try {
    const env = withDotEnv(given, cwd);
    config = readAppEnv(env, cwd);
    if (!config.appId || !config.privateKey) {
      await setup(env);
      return;
    }
  } catch (error) {
    fail(error);
    return;
  }
  const log = await appLog(config);
  const redis = config.redisUrl ? await connectRedis(config.redisUrl, { log }) : undefined;
  let started: StartedServer;
  try {
    started = await startServer({
      appId: config.appId, privateKey: config.privateKey, webhookSecret: config.webhookSecret!, port: config.port,
      ...(config.host ? { host: config.host } : {}), webhookPath: config.webhookPath,
      ...(config.webhookProxyUrl ? { webhookProxyUrl: config.webhookProxyUrl } : {}),
      ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
      log, ...shared(config, redis),
    });
  } catch (error) {
    await redis?.close();
    fail(error);
    return;
  }
  log.info(`specgate listening on ${started.url} (webhooks at ${config.webhookPath}, health at /healthz${redis ? `, lock and throttling shared through Redis at ${config.redisUrl!.replace(/:[^:@/]*@/, ':***@')}` : ''})`);
  const stop = (signal: NodeJS.Signals): void => void shutdown(started, log, signal, redis);
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** The settings and Octokit of one replica: the lock and the throttling on Redis when it answered, in-process otherwise. */
function shared(config: AppEnv, redis: SharedRedis | undefined): { settings: AppSettings; Octokit: ReturnType<typeof appOctokit> } {
  return {
    settings: { ...DEFAULT_SETTINGS, evaluationTimeoutMs: config.evaluationTimeoutMs, modelCacheMb: config.modelCacheMb, ...(redis ? { lock: redis.lock } : {}) },
    Octokit: appOctokit({ throttle: throttleOptions(redis?.throttle, config.writeIntervalMs) }),
  };
}

/** Probot's first-run flow (no credentials yet): the manifest from `app.yml`, then `.env` written. */
async function setup(env: NodeJS.ProcessEnv): Promise<void> {
  // Probot's `run` reads `.env` itself, and refuses to set up when NODE_ENV is production.
  await runProbot(specgateApp(), { env });
}

/** Drains, then exits; a second signal while draining ends the process at once (the default). */
async function shutdown(started: StartedServer, log: Logger, signal: NodeJS.Signals, redis: SharedRedis | undefined): Promise<void> {
  log.info({ signal, inFlight: started.inFlight }, `specgate stopping on ${signal}: finishing ${started.inFlight} deliveries in flight`);
  try {
    await started.drain();
    await redis?.close();
    log.info('specgate stopped');
    process.exitCode = 0;
  } catch (error) {
    log.error({ err: error }, 'specgate could not stop cleanly');
    process.exitCode = 1;
  }
  // Probot's token cache and the HTTP agents need not hold the process open.
  setTimeout(() => process.exit(), 1_000).unref();
}

/** Bounded JSON lines on stdout; Probot's transform for `LOG_FORMAT=pretty`, LOG_LEVEL_IN_STRING and SENTRY_DSN. */
async function appLog(config: AppEnv): Promise<Logger> {
  // pino takes `silent` too; createLog's type names the levels that print.
  const level = config.logLevel as Level;
  if (config.logFormat === 'json' && !config.logLevelInString && !config.sentryDsn) return createLog({ level });
  const transform = await getTransformStream({ logFormat: config.logFormat, logLevelInString: config.logLevelInString, ...(config.sentryDsn ? { sentryDsn: config.sentryDsn } : {}) });
  transform.pipe(pino.destination(1) as unknown as NodeJS.WritableStream);
  return createLog({ level, destination: transform });
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`specgate: ${message.split('\n')[0]}`);
  process.exitCode = 1;
}
