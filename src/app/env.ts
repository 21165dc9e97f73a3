import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { getPrivateKey } from '@probot/get-private-key';
import { DEFAULT_EVALUATION_TIMEOUT_MS, DEFAULT_MODEL_CACHE_MB } from '../github/flows/evaluate-pool.js';
import { WEBHOOK_PATH } from './server.js';

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LEVELS)[number];

/** What the App reads from its environment, the variables Probot documents plus specgate's own. */
export interface AppEnv {
  /** Absent with no key: Probot's setup flow registers the app. */
  appId?: string;
  privateKey?: string;
  webhookSecret?: string;
  port: number;
  host?: string;
  webhookPath: string;
  webhookProxyUrl?: string;
  baseUrl?: string;
  logLevel: LogLevel;
  logFormat: 'json' | 'pretty';
  logLevelInString: boolean;
  sentryDsn?: string;
  evaluationTimeoutMs: number;
  /** The bound on the document models kept between gatings, in MiB; 0 keeps none. */
  modelCacheMb: number;
  /** Redis shared by the replicas (the lock per head, the throttling); absent: one replica's in-process lock. */
  redisUrl?: string;
  /** The least pause between two writes to GitHub (plugin-throttling's write group; shared through Redis). */
  writeIntervalMs: number;
}

/** GitHub asks for about one content-creating request a second (plugin-throttling's default). */
export const WRITE_INTERVAL_MS = 1_000;

/**
 * The environment with `.env` of `cwd` under it, as Probot reads it (Node's own parser);
 * a variable set in the environment wins over the file.
 */
export function withDotEnv(env: NodeJS.ProcessEnv, cwd = process.cwd()): NodeJS.ProcessEnv {
  try {
    return { ...parseEnv(readFileSync(join(cwd, '.env'), 'utf8')), ...env };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return env;
    throw error;
  }
}

/**
 * Reads Probot's variables (APP_ID, PRIVATE_KEY in any form Probot takes, PRIVATE_KEY_PATH
 * or one `.pem` in `cwd`, WEBHOOK_SECRET, HOST, PORT, WEBHOOK_PATH, WEBHOOK_PROXY_URL,
 * GHE_HOST, GHE_PROTOCOL, LOG_LEVEL, LOG_FORMAT, LOG_LEVEL_IN_STRING, SENTRY_DSN, REDIS_URL),
 * SPECGATE_EVALUATION_TIMEOUT_MS, SPECGATE_MODEL_CACHE_MB and SPECGATE_WRITE_INTERVAL_MS. Throws an error of one line naming the variable when one
 * is wrong.
 */
export function readAppEnv(env: NodeJS.ProcessEnv, cwd = process.cwd()): AppEnv {
  const value = (name: string): string | undefined => env[name]?.trim() || undefined;
  const privateKey = readKey(env, cwd);
  const appId = value('APP_ID');
  if (appId !== undefined && !/^[1-9]\d*$/.test(appId)) throw new Error(`Unexpected APP_ID \`${appId.slice(0, 40)}\`, expected the app's numeric id from its settings page`);
  if (appId && privateKey && !value('WEBHOOK_SECRET')) throw new Error('Unexpected empty WEBHOOK_SECRET, expected the webhook secret entered when the app was registered');
  return {
    ...(appId ? { appId } : {}),
    ...(privateKey ? { privateKey } : {}),
    ...(value('WEBHOOK_SECRET') ? { webhookSecret: value('WEBHOOK_SECRET')! } : {}),
    port: readPort(value('PORT')),
    ...(value('HOST') ? { host: value('HOST')! } : {}),
    webhookPath: value('WEBHOOK_PATH') ?? WEBHOOK_PATH,
    ...(value('WEBHOOK_PROXY_URL') ? { webhookProxyUrl: value('WEBHOOK_PROXY_URL')! } : {}),
    ...readBaseUrl(value('GHE_HOST'), value('GHE_PROTOCOL')),
    logLevel: oneOf('LOG_LEVEL', value('LOG_LEVEL') ?? 'info', LEVELS),
    logFormat: oneOf('LOG_FORMAT', value('LOG_FORMAT') ?? (env['NODE_ENV'] === 'production' ? 'json' : 'pretty'), ['json', 'pretty'] as const),
    logLevelInString: value('LOG_LEVEL_IN_STRING') === 'true',
    ...(value('SENTRY_DSN') ? { sentryDsn: value('SENTRY_DSN')! } : {}),
    evaluationTimeoutMs: readTimeout(value('SPECGATE_EVALUATION_TIMEOUT_MS')),
    modelCacheMb: readModelCacheMb(value('SPECGATE_MODEL_CACHE_MB')),
    ...readRedisUrl(value('REDIS_URL')),
    writeIntervalMs: readWriteInterval(value('SPECGATE_WRITE_INTERVAL_MS')),
  };
}

/** The key as Probot finds it, and checked to be one: a bad key is named here, not at the first delivery. */
function readKey(env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  let key: string | null;
  try {
    key = getPrivateKey({ env, cwd });
  } catch (error) {
    throw new Error(`Unexpected private key: ${(error as Error).message.replace('[@probot/get-private-key] ', '')}`, { cause: error });
  }
  if (key === null) return undefined;
  const from = env['PRIVATE_KEY'] ? 'PRIVATE_KEY' : env['PRIVATE_KEY_PATH'] ? `PRIVATE_KEY_PATH (${env['PRIVATE_KEY_PATH']})` : `the .pem file in ${cwd}`;
  try {
    createPrivateKey(key);
  } catch {
    throw new Error(`Unexpected private key in ${from}, expected the PEM file downloaded from the app's settings page (as is, with \\n for line breaks, or base64)`);
  }
  return key;
}

function readPort(text: string | undefined): number {
  if (text === undefined) return 3000;
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65_535)) throw new Error(`Unexpected PORT \`${text.slice(0, 40)}\`, expected a port number from 0 to 65535`);
  return port;
}

function readBaseUrl(host: string | undefined, protocol: string | undefined): { baseUrl?: string } {
  const scheme = oneOf('GHE_PROTOCOL', protocol ?? 'https', ['https', 'http'] as const);
  if (host === undefined) return {};
  if (!/^[\w.-]+(:\d+)?$/.test(host)) throw new Error(`Unexpected GHE_HOST \`${host.slice(0, 60)}\`, expected a host name such as github.example.com (no scheme, no path)`);
  return { baseUrl: `${scheme}://${host}/api/v3` };
}

function readTimeout(text: string | undefined): number {
  const timeout = text ?? String(DEFAULT_EVALUATION_TIMEOUT_MS);
  if (!/^[1-9]\d*$/.test(timeout)) throw new Error(`Unexpected SPECGATE_EVALUATION_TIMEOUT_MS \`${timeout.slice(0, 40)}\`, expected a whole number of milliseconds such as 60000`);
  return Number(timeout);
}

function readModelCacheMb(text: string | undefined): number {
  const megabytes = text ?? String(DEFAULT_MODEL_CACHE_MB);
  if (!/^\d{1,6}$/.test(megabytes)) throw new Error(`Unexpected SPECGATE_MODEL_CACHE_MB \`${megabytes.slice(0, 40)}\`, expected a whole number of megabytes such as ${DEFAULT_MODEL_CACHE_MB} (0 keeps no document models)`);
  return Number(megabytes);
}

/** `redis://[user:password@]host[:port][/db]`, or `rediss://` for TLS: the form ioredis and Probot take. */
function readRedisUrl(text: string | undefined): { redisUrl?: string } {
  if (text === undefined) return {};
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '') {
    throw new Error(`Unexpected REDIS_URL \`${text.replace(/:[^:@/]*@/, ':***@').slice(0, 60)}\`, expected redis://host:port or rediss://host:port (TLS)`);
  }
  return { redisUrl: text };
}

function readWriteInterval(text: string | undefined): number {
  const interval = text ?? String(WRITE_INTERVAL_MS);
  if (!/^\d+$/.test(interval)) throw new Error(`Unexpected SPECGATE_WRITE_INTERVAL_MS \`${interval.slice(0, 40)}\`, expected a whole number of milliseconds such as 1000`);
  return Number(interval);
}

function oneOf<T extends string>(name: string, text: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new Error(`Unexpected ${name} \`${text.slice(0, 40)}\`, expected one of ${allowed.join(', ')}`);
}
