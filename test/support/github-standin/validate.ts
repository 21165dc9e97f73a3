import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: object;
}

interface Operation {
  method: string;
  path: string;
  operationId: string;
  parameters: Parameter[];
  requestBody?: { required: boolean; schema: object };
}

const extract = JSON.parse(readFileSync(new URL('./openapi-extract.json', import.meta.url), 'utf8')) as { operations: Operation[] };
const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: false });
// ajv-formats ships CommonJS with a default export; under ESM interop it may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => void;
addFormats(ajv);
const bodies = new Map<string, ValidateFunction>();
const params = new Map<string, ValidateFunction>();

/** A request as the stand-in received it. */
export interface IncomingCall {
  method: string;
  /** Path without the query string, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  body: unknown;
}

/** The REST description's template for a call, with its path parameters decoded. */
export function matchOperation(method: string, path: string): { operation: Operation; pathParams: Record<string, string> } | undefined {
  const segments = path.split('/');
  for (const operation of extract.operations) {
    if (operation.method !== method) continue;
    const template = operation.path.split('/');
    if (template.length !== segments.length) continue;
    const pathParams: Record<string, string> = {};
    const ok = template.every((part, i) => {
      const match = /^\{(\w+)\}$/.exec(part);
      if (match) {
        pathParams[match[1]!] = decodeURIComponent(segments[i]!);
        return segments[i] !== '';
      }
      return part === segments[i];
    });
    if (ok) return { operation, pathParams };
  }
  return undefined;
}

/**
 * Checks one call against GitHub's official REST description (the committed extract):
 * a known operation, every required parameter, no unknown query parameter, parameter
 * values and the JSON body valid against their schemas. Returns the problems found.
 */
export function validateCall(call: IncomingCall): string[] {
  if (call.method === 'POST' && call.path === '/graphql') {
    const body = call.body as { query?: unknown; variables?: unknown } | null;
    if (!body || typeof body.query !== 'string' || body.query.trim() === '') return ['GraphQL body has no `query` string'];
    if (body.variables !== undefined && (typeof body.variables !== 'object' || body.variables === null)) return ['GraphQL `variables` is not an object'];
    return [];
  }
  const matched = matchOperation(call.method, call.path);
  if (!matched) return [`${call.method} ${call.path} matches no operation in the REST description extract`];
  const { operation, pathParams } = matched;
  const problems: string[] = [];
  const where = `${operation.method} ${operation.path}`;
  for (const parameter of operation.parameters) {
    const raw = parameter.in === 'path' ? pathParams[parameter.name] : parameter.in === 'query' ? call.query.get(parameter.name) ?? undefined : undefined;
    if (raw === undefined) {
      if (parameter.required && parameter.in !== 'header') problems.push(`${where}: missing required ${parameter.in} parameter \`${parameter.name}\``);
      continue;
    }
    const check = compile(params, `${where} ${parameter.name}`, parameter.schema);
    if (!check(coerce(raw, parameter.schema))) problems.push(`${where}: parameter \`${parameter.name}\`=${raw} ${ajv.errorsText(check.errors)}`);
  }
  const known = new Set(operation.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  for (const name of call.query.keys()) if (!known.has(name)) problems.push(`${where}: unknown query parameter \`${name}\``);
  if (operation.requestBody) {
    if (call.body === undefined) {
      if (operation.requestBody.required) problems.push(`${where}: missing request body`);
    } else {
      const check = compile(bodies, where, operation.requestBody.schema);
      if (!check(call.body)) problems.push(`${where}: body ${ajv.errorsText(check.errors)}`);
    }
  } else if (call.body !== undefined && call.method !== 'GET') {
    problems.push(`${where}: takes no request body`);
  }
  return problems;
}

/** OpenAPI 3.0's `nullable` next to `oneOf`/`anyOf` without a `type`, rewritten so ajv accepts it. */
function normalise(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(normalise);
  if (schema === null || typeof schema !== 'object') return schema;
  const entries = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, key === 'properties' ? mapValues(value, normalise) : normalise(value)]));
  if (entries['nullable'] === true && entries['type'] === undefined) {
    const { nullable: _nullable, ...rest } = entries;
    return { anyOf: [rest, { type: 'null' }] };
  }
  return entries;
}

function mapValues(value: unknown, fn: (v: unknown) => unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, fn(v)]));
}

function compile(cache: Map<string, ValidateFunction>, key: string, schema: object): ValidateFunction {
  let check = cache.get(key);
  if (!check) {
    check = ajv.compile(normalise(schema) as object);
    cache.set(key, check);
  }
  return check;
}

function coerce(raw: string, schema: object): unknown {
  const type = (schema as { type?: string }).type;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}
