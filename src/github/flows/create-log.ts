import { pino, type DestinationStream, type Level, type Logger } from 'pino';

/** Longest string kept in a log field or message; the rest is cut with a count. */
const MAX_STRING = 1_000;
/** Characters one log call may spend on its fields, however large the objects it is handed. */
const FIELD_BUDGET = 4_000;
const MAX_DEPTH = 4;
const MAX_ITEMS = 20;
/** Fields never written: webhook payloads (`event`, of any size and unsigned when the signature failed) and HTTP exchanges. */
const DROPPED = new Set(['event', 'payload', 'request', 'response', 'headers']);

/**
 * The App's logger: pino JSON lines where every call costs a bounded number of bytes, and
 * errors are written as type, message, status and a short stack only. Probot and
 * `@octokit/webhooks` attach the whole webhook (`error.event`, the raw body when the
 * signature fails) and Octokit the request and response to their errors: logged as is, a
 * 20 MB unsigned body wrote 20 MB of log, twice.
 */
export function createLog(options: { level: Level; destination?: DestinationStream }): Logger {
  return pino({
    level: options.level,
    serializers: { err: (error: unknown) => bound(error, { left: FIELD_BUDGET }, 0) },
    hooks: {
      logMethod(args, method) {
        method.apply(this, boundArgs(args as unknown[]) as Parameters<typeof method>);
      },
    },
  }, options.destination ?? pino.destination(1));
}

function boundArgs(args: unknown[]): unknown[] {
  const [first, ...rest] = args;
  const tail = rest.map((arg) => (typeof arg === 'string' ? cut(arg) : bound(arg, { left: MAX_STRING }, MAX_DEPTH - 1)));
  if (first instanceof Error) return [{ err: bound(first, { left: FIELD_BUDGET }, 0) }, ...(tail.length > 0 ? tail : [cut(first.message)])];
  if (typeof first === 'string') return [cut(first), ...tail];
  if (first !== null && typeof first === 'object') {
    const budget = { left: FIELD_BUDGET };
    const fields = bound(first, budget, 0) as Record<string, unknown>;
    // pino takes the message of `{ err }` from the error itself when none is given.
    const err = (first as { err?: unknown }).err;
    if (tail.length === 0 && err instanceof Error) tail.push(cut(err.message));
    return [fields, ...tail];
  }
  return args;
}

function cut(text: string): string {
  return text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}… (${text.length - MAX_STRING} more characters)` : text;
}

/** A copy of `value` within the budget: strings cut, depth and item counts capped, errors reduced. */
function bound(value: unknown, budget: { left: number }, depth: number): unknown {
  if (budget.left <= 0) return '…';
  if (typeof value === 'string') {
    const text = cut(value);
    budget.left -= text.length;
    return text;
  }
  if (typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function') return String(value).slice(0, 100);
  if (value === null || typeof value !== 'object') {
    budget.left -= 8;
    return value;
  }
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? `[${value.length} items]` : '{…}';
  if (value instanceof Error) return bound(errorFields(value), budget, depth);
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((item) => bound(item, budget, depth + 1));
    return value.length > MAX_ITEMS ? [...items, `… ${value.length - MAX_ITEMS} more`] : items;
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value).slice(0, MAX_ITEMS)) {
    if (DROPPED.has(key)) continue;
    budget.left -= key.length;
    out[key] = bound(item, budget, depth + 1);
  }
  return out;
}

/** What of an error is worth a log line; never the request, response or webhook attached to it. */
function errorFields(error: Error): Record<string, unknown> {
  const fields: Record<string, unknown> = { type: error.name, message: error.message };
  const { status, code, cause, request } = error as { status?: unknown; code?: unknown; cause?: unknown; request?: { method?: unknown; url?: unknown } };
  if (typeof status === 'number') fields['status'] = status;
  // Which call failed, without its headers, body or query string.
  if (typeof request?.method === 'string' && typeof request.url === 'string') fields['endpoint'] = `${request.method} ${request.url.split('?')[0]}`;
  if (typeof code === 'string' || typeof code === 'number') fields['code'] = code;
  if (error.stack) fields['stack'] = error.stack.split('\n').slice(0, 8).join('\n');
  if (error instanceof AggregateError) fields['errors'] = error.errors.slice(0, 3);
  if (cause !== undefined) fields['cause'] = cause;
  return fields;
}
