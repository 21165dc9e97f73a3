import { isMap, isSeq, parseDocument, type Document as YamlDocument } from 'yaml';

/** A parsed YAML document and the text it came from, to turn paths into line numbers. */
interface Source {
  doc: YamlDocument;
  text: string;
}
import type * as z from 'zod/mini';
import { rules as registry } from '../rules/index.js';
import { checkConfigSize } from './config-size.js';
import { CONFIG_LIMITS, configSchema, type Config } from './schema.js';

/** Problems reported one by one; the rest are counted (a hostile file could hold thousands). */
const MAX_ERRORS = 20;

/** One problem in a config file, addressed by its YAML path. */
export interface ConfigError {
  /** Dotted YAML path, e.g. `rules.no-unresolved-clarifications.severity`; `(root)` for the file itself. */
  path: string;
  /** 1-based line in the config file, when the path exists there. */
  line?: number;
  message: string;
  /** What to write instead. */
  fix: string;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: ConfigError[] };

/** The config used when a repository has none. */
export function defaultConfig(): Config {
  return configSchema.parse({});
}

/** Parses and validates `.github/specgate.yml` text; `undefined` or empty text is the default config. */
export function parseConfig(text: string | undefined): ConfigResult {
  if (text === undefined || text.trim() === '') return { ok: true, config: defaultConfig() };
  const tooLarge = checkConfigSize(text);
  if (tooLarge) return { ok: false, errors: [tooLarge] };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((error) => ({
        path: '(root)',
        // With `prettyErrors: false` the yaml package leaves `linePos` unset; count from the offset.
        line: error.linePos?.[0]?.line ?? text.slice(0, error.pos[0]).split('\n').length,
        message: `Invalid YAML: ${error.message.split('\n')[0]}`,
        fix: 'Fix the YAML syntax at that line.',
      })),
    };
  }
  const data: unknown = doc.toJS() ?? {};
  return validateConfig(data, { doc, text });
}

/** Validates an already-parsed config object (Probot's config loader hands one over). */
export function validateConfig(data: unknown, doc?: Source): ConfigResult {
  const parsed = configSchema.safeParse(data ?? {});
  if (!parsed.success) {
    // All problems in one pass: unknown rule ids too, read from the raw data.
    const shapeErrors = parsed.error.issues.slice(0, MAX_ERRORS + 1).map((issue) => fromIssue(issue, data, doc));
    const ruleErrors = validateRules(looseRules(data), doc).filter((error) => !shapeErrors.some((other) => other.path === error.path));
    return { ok: false, errors: capped([...shapeErrors, ...ruleErrors], parsed.error.issues.length + ruleErrors.length) };
  }
  const errors = validateRules(parsed.data, doc);
  return errors.length > 0 ? { ok: false, errors: capped(errors, errors.length) } : { ok: true, config: parsed.data };
}

function capped(errors: ConfigError[], total: number): ConfigError[] {
  if (total <= MAX_ERRORS) return errors;
  const rest = { path: '(root)', message: `Unexpected ${total - MAX_ERRORS} more problems, expected none`, fix: 'Fix the problems above and check again.' };
  return [...errors.slice(0, MAX_ERRORS), rest];
}

/** The value at a zod issue's path in the data that was validated. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** A value over one of the {@link CONFIG_LIMITS}: what it is, the bound, and how to stay under it. */
function tooBig(issue: z.core.$ZodIssueTooBig, data: unknown, dotted: string): Pick<ConfigError, 'message' | 'fix'> {
  const value = valueAt(data, issue.path);
  const max = Number(issue.maximum);
  if (issue.origin === 'array') {
    const fix = dotted.endsWith('labels') ? `Keep at most ${max} labels.` : 'List fewer entries: a glob such as `docs/generated/**` covers a whole folder.';
    return { message: `Unexpected ${Array.isArray(value) ? value.length : 'too many'} items in \`${dotted}\`, expected at most ${max}`, fix };
  }
  if (issue.origin === 'string') {
    const fix = max === CONFIG_LIMITS.labelLength ? 'Shorten it: GitHub allows label names of at most 50 characters.' : 'Shorten it: a glob such as `docs/**` matches a whole folder.';
    return { message: `Unexpected value of ${typeof value === 'string' ? value.length : 'too many'} characters, expected at most ${max}`, fix };
  }
  const fix = dotted === 'max-file-size' ? 'Split larger documents into smaller files, or exclude them: specgate reads at most 10 MiB per document.' : `Use a value of at most ${max}.`;
  return { message: `Unexpected \`${dotted}\` of ${String(value)}, expected at most ${max}`, fix };
}

function fromIssue(issue: z.core.$ZodIssue, data: unknown, doc?: Source): ConfigError {
  const path = issue.path.map(String);
  const dotted = path.length > 0 ? path.join('.') : '(root)';
  let fix = 'See the config reference in the README.';
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join('`, `');
    return {
      path: path.concat(issue.keys[0] ?? '').join('.') || '(root)',
      line: lineOf(doc, path.concat(issue.keys[0] ?? '')),
      message: `Unknown key \`${keys}\``,
      fix: 'Remove it or check its spelling against the config reference.',
    };
  }
  if (issue.code === 'too_big') return { path: dotted, line: lineOf(doc, path), ...tooBig(issue, data, dotted) };
  if (issue.code === 'invalid_value' && 'values' in issue) fix = `Use one of: ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}.`;
  else if (issue.code === 'invalid_type') fix = `Write a value of type ${issue.expected}.`;
  else if (issue.code === 'invalid_union') fix = 'Use a severity (`error`, `warning`, `notice`, `off`) or `{ severity, options }`.';
  return { path: dotted, line: lineOf(doc, path), message: issue.message, fix };
}

type RuleSettings = Pick<Config, 'rules' | 'overrides'>;

/** The `rules` maps of data that failed validation, as far as they are maps. */
function looseRules(data: unknown): RuleSettings {
  const record = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
  const top = record(data);
  const overrides = Array.isArray(top.overrides) ? top.overrides.map((entry) => ({ rules: record(record(entry).rules) })) : [];
  return { rules: record(top.rules), overrides } as unknown as RuleSettings;
}

function validateRules(config: RuleSettings, doc?: Source): ConfigError[] {
  const errors: ConfigError[] = [];
  const byId = new Map(registry.map((rule) => [rule.meta.id, rule]));
  const check = (settings: Config['rules'], prefix: string[]): void => {
    for (const [id, setting] of Object.entries(settings)) {
      const rule = byId.get(id);
      const path = [...prefix, id];
      if (!rule) {
        errors.push({ path: path.join('.'), line: lineOf(doc, path), message: `Unknown rule \`${id}\``, fix: 'Run `specgate rules` or see docs/rules/ for the rule ids.' });
        continue;
      }
      if (typeof setting === 'object' && setting !== null && setting.options) {
        const result = rule.meta.options.safeParse(setting.options);
        if (!result.success) {
          for (const issue of result.error.issues) {
            const issuePath = [...path, 'options', ...issue.path.map(String)];
            errors.push({ path: issuePath.join('.'), line: lineOf(doc, issuePath), message: issue.message, fix: `See docs/rules/${id}.md for its options.` });
          }
        }
      }
    }
  };
  check(config.rules, ['rules']);
  config.overrides.forEach((entry, index) => check(entry.rules ?? {}, ['overrides', String(index), 'rules']));
  return errors;
}

/** The 1-based line of a YAML path in the source document, or of its nearest existing parent. */
function lineOf(source: Source | undefined, path: readonly string[]): number | undefined {
  if (!source) return undefined;
  let node: unknown = source.doc.contents;
  let found: unknown = node;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as { value?: unknown } | null)?.value ?? item.key) === key);
      if (!pair) break;
      found = pair.key;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(key)];
      if (node === undefined) break;
      found = node;
    } else break;
  }
  const range = (found as { range?: [number, number, number] } | null)?.range;
  if (!range) return undefined;
  return source.text.slice(0, range[0]).split('\n').length;
}
