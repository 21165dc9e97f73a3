import { isMap, isSeq, parseDocument, type Document as YamlDocument } from 'yaml';

/** A parsed YAML document and the text it came from, to turn paths into line numbers. */
interface Source {
  doc: YamlDocument;
  text: string;
}
import type { z } from 'zod';
import { rules as registry } from '../rules/index.js';
import { configSchema, type Config } from './schema.js';

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
    return { ok: false, errors: parsed.error.issues.map((issue) => fromIssue(issue, doc)) };
  }
  const errors = validateRules(parsed.data, doc);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config: parsed.data };
}

function fromIssue(issue: z.core.$ZodIssue, doc?: Source): ConfigError {
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
  if (issue.code === 'invalid_value' && 'values' in issue) fix = `Use one of: ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}.`;
  else if (issue.code === 'invalid_type') fix = `Write a value of type ${issue.expected}.`;
  else if (issue.code === 'invalid_union') fix = 'Use a severity (`error`, `warning`, `notice`, `off`) or `{ severity, options }`.';
  return { path: dotted, line: lineOf(doc, path), message: issue.message, fix };
}

function validateRules(config: Config, doc?: Source): ConfigError[] {
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
      if (typeof setting === 'object' && setting.options) {
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
