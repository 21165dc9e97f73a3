/* eslint-disable @typescript-eslint/no-explicit-any -- webhook example payloads are untyped JSON, edited in place */
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import Bottleneck from 'bottleneck';
import type { ProbotOctokit } from 'probot';
import type { Evaluator } from '../../src/github/flows/evaluate-pool.js';
import { appOctokit } from '../../src/app/octokit.js';
import { startServer, WEBHOOK_PATH } from '../../src/app/server.js';
import { start, type Repo, type StandIn } from '../support/github-standin/index.js';
import { INSTALLATION_TOKEN } from '../support/github-standin/state.js';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: Record<string, unknown>[] }[];

export const SECRET = 'specgate-test-secret';
export const INSTALLATION_ID = 4242;
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });

/** Octokit for the app under test: retries and throttling on, with short delays. */
function testOctokit(): typeof ProbotOctokit {
  const group = (): Bottleneck.Group => new Bottleneck.Group({ maxConcurrent: 10, minTime: 0 });
  // Retry-After (1 s in the fault tests) is honoured as given; 5xx retries wait 20 ms, 80 ms, 180 ms.
  return appOctokit({ retry: { retryAfterBaseValue: 20 }, throttle: { write: group(), global: group(), search: group(), notifications: group(), auth: group() } });
}

export interface Harness {
  standIn: StandIn;
  appUrl: string;
  /** Every log line the app wrote, at `trace` level (kept in memory, never printed). */
  logs: string[];
  deliver(name: string, payload: Record<string, unknown>, id?: string): Promise<number>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  latencyMs?: number;
  requestTimeoutMs?: number;
  /** The App's deadline per evaluation (default 60 s). */
  evaluationTimeoutMs?: number;
  /** A worker pool shared by several harnesses (a worker started from sources takes a second); the server makes its own otherwise. */
  evaluator?: Evaluator;
}

/** What must never be written to a log: every line of the private key's body, the webhook secret, the installation token. */
export const SECRETS: readonly string[] = [
  ...privateKey.split('\n').filter((line) => line !== '' && !line.startsWith('-----')),
  SECRET,
  INSTALLATION_TOKEN,
];

/** The log lines that contain a secret, or an app JWT (which the private key signs). */
export function linesWithSecrets(logs: readonly string[]): string[] {
  return logs.filter((line) => SECRETS.some((secret) => line.includes(secret)) || /eyJ[\w-]+\.eyJ[\w-]+\./.test(line));
}

/** The real app server on 127.0.0.1 (random port) talking to a fresh stand-in. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const standIn = await start(options.latencyMs === undefined ? {} : { latencyMs: options.latencyMs });
  const logs: string[] = [];
  const app = await startServer({
    appId: 1, privateKey, webhookSecret: SECRET, port: 0, host: '127.0.0.1', baseUrl: standIn.url,
    Octokit: testOctokit(), requestTimeoutMs: options.requestTimeoutMs ?? 2_000,
    settings: { issueDelayMs: 0, evaluationTimeoutMs: options.evaluationTimeoutMs ?? 60_000, ...(options.evaluator ? { evaluator: options.evaluator } : {}) },
    logLevel: 'trace', logDestination: { write: (line: string) => void logs.push(line) },
  });
  return {
    standIn,
    appUrl: app.url,
    logs,
    deliver: async (name, payload, id = randomUUID()) => {
      const body = JSON.stringify(payload);
      const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
      const response = await fetch(`${app.url}${WEBHOOK_PATH}`, {
        method: 'POST', body,
        headers: { 'content-type': 'application/json', 'x-github-event': name, 'x-github-delivery': id, 'x-hub-signature-256': signature },
      });
      await response.text();
      return response.status;
    },
    close: async () => {
      await app.close();
      await standIn.close();
    },
  };
}

/**
 * A real example payload from `@octokit/webhooks-examples`, pointed at a stand-in
 * repository and installation (added where the example has none).
 */
export function examplePayload(name: string, action: string | undefined, repo: Repo, edit: (payload: Record<string, any>) => void = () => {}): Record<string, unknown> {
  const event = examples.find((entry) => entry.name === name);
  const found = event?.examples.filter((example) => example['action'] === action).sort((a, b) => Number(Boolean(b['installation'])) - Number(Boolean(a['installation'])))[0];
  if (!found) throw new Error(`No example for ${name}.${action}`);
  const payload = structuredClone(found) as Record<string, any>;
  payload['installation'] = { id: INSTALLATION_ID, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI0Mg==' };
  Object.assign(payload['repository'], {
    id: repo.id, name: repo.name, full_name: repo.fullName, default_branch: repo.defaultBranch,
    owner: { ...payload['repository'].owner, login: repo.owner, name: repo.owner },
  });
  edit(payload);
  return payload;
}

/** A pull_request event for one of the stand-in's PRs. */
export function pullRequestEvent(repo: Repo, number: number, action = 'opened'): Record<string, unknown> {
  const pull = repo.pulls.get(number)!;
  return examplePayload('pull_request', action, repo, (payload) => {
    payload['number'] = number;
    Object.assign(payload['pull_request'], { number, state: pull.state, merged: pull.merged, draft: pull.draft });
    Object.assign(payload['pull_request'].head, { sha: pull.headSha, ref: pull.headRef });
    Object.assign(payload['pull_request'].base, { sha: pull.baseSha, ref: pull.baseRef });
  });
}

