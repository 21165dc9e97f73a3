/**
 * A stateful GitHub stand-in for tests: an HTTP server on 127.0.0.1 (random port) that
 * keeps repositories, PRs, check runs, issues, comments and reactions in memory, validates
 * every request against GitHub's official REST description (openapi-extract.json, from
 * scripts/extract-openapi.ts), and can inject faults (5xx, secondary rate limits, timeouts)
 * and latency. Point Octokit's `baseUrl` (Probot's `baseUrl` option) at `url`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerGraphql } from './graphql.js';
import { ROUTES, type Answer } from './routes.js';
import { ACTIONS_BOT, BOT, INSTALLATION_TOKEN, State, type User } from './state.js';
import { validateCall } from './validate.js';
import { seeded } from '../seeded.js';

export { State, Repo, BOT, ACTIONS_BOT, type CheckRun, type Issue, type Comment, type Pull, type User } from './state.js';

/** One request the stand-in received. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** The matched template (`GET /repos/{owner}/{repo}/pulls`) or `POST /graphql`. */
  route: string;
  status: number;
  body: unknown;
  /** True for writes (everything but GET; GraphQL reads count as reads). */
  write: boolean;
  /** When it arrived (ms since the epoch), for latency figures. */
  at: number;
}

/** A fault to inject into the next `times` matching requests. */
export interface Fault {
  method?: string;
  path?: RegExp;
  /** Answer with this status (500, 502, ...). */
  status?: number;
  /** Answer 403 "secondary rate limit" with this `Retry-After` (seconds). */
  secondaryRateLimit?: number;
  /** Never answer; the client must time out. */
  timeout?: boolean;
  /**
   * Apply the request (a write lands in the state), then answer `status` (500 when absent):
   * GitHub's "applied but failed" answer, which a retried create would duplicate.
   */
  applied?: boolean;
  /** How many matching requests it hits (1 when absent; `Infinity`: every one). */
  times?: number;
  /** Hit a matching request with this chance only (0..1, drawn from the stand-in's seeded generator); a miss does not use up `times`. */
  probability?: number;
}

export interface StandIn {
  url: string;
  state: State;
  requests: RecordedRequest[];
  faults: Fault[];
  /** Validation problems; a test should assert this stays empty. */
  problems: string[];
  /** Simulated latency per request, in ms (changeable at run time). */
  latency: { ms: number };
  /** The generator behind `probability` faults (seeded: a run can be repeated). */
  random: () => number;
  close(): Promise<void>;
}

/** Starts a stand-in on 127.0.0.1 with a random port. */
export async function start(options: { latencyMs?: number; seed?: number } = {}): Promise<StandIn> {
  const standIn: Omit<StandIn, 'url' | 'close'> = {
    state: new State(), requests: [], faults: [], problems: [], latency: { ms: options.latencyMs ?? 0 }, random: seeded(options.seed ?? 1),
  };
  const server = createServer((req, res) => {
    handle(standIn, req, res, base()).catch((error: unknown) => {
      // A stand-in bug must fail the test loudly, never hang the client.
      standIn.problems.push(`stand-in error on ${req.method} ${req.url}: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.writeHead(500).end('{"message":"stand-in error"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = (): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    ...standIn,
    url: base(),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

async function handle(standIn: Omit<StandIn, 'url' | 'close'>, req: IncomingMessage, res: ServerResponse, base: string): Promise<void> {
  const raw = await readBody(req);
  const url = new URL(req.url ?? '/', base);
  const method = req.method ?? 'GET';
  let body: unknown;
  try {
    body = raw === '' ? undefined : JSON.parse(raw);
  } catch {
    body = raw;
  }
  const record: RecordedRequest = { method, path: url.pathname, route: `${method} ${url.pathname}`, status: 0, body, write: method !== 'GET' && url.pathname !== '/graphql' && !url.pathname.includes('/access_tokens'), at: Date.now() };
  standIn.requests.push(record);
  if (standIn.latency.ms > 0) await new Promise((resolve) => setTimeout(resolve, standIn.latency.ms));

  const fault = takeFault(standIn.faults, method, url.pathname, standIn.random);
  if (fault?.timeout) return; // never answered; the client's timeout must fire
  let answer: Answer;
  if (fault?.applied) {
    const applied = route(standIn, req, method, url, body, base, record);
    answer = applied.status < 400 ? { status: fault.status ?? 500, body: { message: 'Server Error (injected after the request was applied)' } } : applied;
  } else if (fault?.secondaryRateLimit !== undefined) {
    answer = { status: 403, headers: { 'retry-after': String(fault.secondaryRateLimit) }, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' } };
  } else if (fault?.status) {
    answer = { status: fault.status, body: { message: 'Server Error (injected)' } };
  } else {
    answer = route(standIn, req, method, url, body, base, record);
  }
  record.status = answer.status;
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {});
  res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
  res.end(answer.status === 204 ? undefined : text);
}

function route(standIn: Omit<StandIn, 'url' | 'close'>, req: IncomingMessage, method: string, url: URL, body: unknown, base: string, record: RecordedRequest): Answer {
  const problems = validateCall({ method, path: url.pathname, query: url.searchParams, body });
  if (problems.length > 0) {
    standIn.problems.push(...problems);
    return { status: 422, body: { message: `Stand-in validation failed: ${problems.join('; ')}` } };
  }
  if (method === 'POST' && url.pathname === '/graphql') {
    record.route = 'POST /graphql';
    return answerGraphql(standIn.state, body as { query: string; variables?: Record<string, unknown> });
  }
  const segments = url.pathname.split('/');
  for (const [routeMethod, template, handler] of ROUTES) {
    const parts = template.split('/');
    if (routeMethod !== method || parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    if (!parts.every((part, i) => (part.startsWith('{') ? ((params[part.slice(1, -1)] = decodeURIComponent(segments[i]!)), true) : part === segments[i]))) continue;
    record.route = `${method} ${template}`;
    const user = callerOf(req.headers.authorization);
    const repo = params['owner'] && params['repo'] ? standIn.state.repo(params['owner'], params['repo']) : undefined;
    return handler({ state: standIn.state, repo, params, query: url.searchParams, body: (body ?? {}) as Record<string, unknown>, accept: req.headers.accept ?? '', base, user });
  }
  return { status: 404, body: { message: 'Not Found (no stand-in route)' } };
}

/** The App's installation token writes as the App's bot, any other token as `github-actions[bot]`. */
function callerOf(authorization: string | undefined): User {
  const token = /^token (\S+)/i.exec(authorization ?? '')?.[1];
  if (token === undefined) return { login: 'anonymous', id: 0, type: 'User' };
  return token === INSTALLATION_TOKEN ? BOT : ACTIONS_BOT;
}

function takeFault(faults: Fault[], method: string, path: string, random: () => number): Fault | undefined {
  const index = faults.findIndex((fault) => (!fault.method || fault.method === method) && (!fault.path || fault.path.test(path))
    && (fault.probability === undefined || random() < fault.probability));
  if (index < 0) return undefined;
  const fault = faults[index]!;
  const times = (fault.times ?? 1) - 1;
  if (times <= 0) faults.splice(index, 1);
  else fault.times = times;
  return fault;
}


function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
