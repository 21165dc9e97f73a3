import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import deepmerge from 'deepmerge';
import { parse } from 'yaml';
import { FAMILIES, parseConfig, validateConfig, type Config, type ConfigError } from '../engine/index.js';
import { ConfigFileError, UsageError } from './errors.js';
import { CONFIG_PATH } from './find-root.js';

export { CONFIG_PATH };

const PRESETS: readonly string[] = ['auto', ...FAMILIES];

// The App's `_extends` forms (Probot): `repo`, `owner/repo`, either with `:path/to/file.yml`.
const REPOSITORY = /^(?:[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}\/)?[-_.\w\d]+(?::[-_./\w\d]+\.ya?ml)?$/i;
/** How many files one chain may follow, as in the App and the Action. */
const MAX_CHAIN = 5;

export interface ConfigRequest {
  /** The repository root whose `.github/specgate.yml` applies when `file` is not given. */
  root: string;
  /** `--config FILE`, already resolved against the working directory. */
  file?: string;
  /** `--preset NAME`. */
  preset?: string;
  /** For messages: file paths are shown relative to this folder. */
  cwd: string;
  /** Told what was not followed (an `_extends` naming a repository). */
  skipped?: (reason: string) => void;
  /** Told each file the result depends on, with the text read (undefined: it does not exist), for the run cache. */
  read?: (file: string, text: string | undefined) => void;
}

/** Reads and validates the config for one root; the default config when the root has none. */
export function readConfig(request: ConfigRequest): Config {
  const file = request.file ?? join(request.root, CONFIG_PATH);
  const shown = relative(request.cwd, file) || file;
  if (request.file !== undefined && !existsSync(file)) throw new UsageError(`Config file \`${shown}\` does not exist`);
  const text = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  request.read?.(file, text);
  const result = text === undefined || !hasExtends(text) ? parseConfig(text) : readChain({ first: file, shown, ...pick(request) });
  if (!result.ok) throw new ConfigFileError(shown, result.errors);
  if (request.preset === undefined) return result.config;
  if (!PRESETS.includes(request.preset)) {
    throw new UsageError(`Unknown preset \`${request.preset}\`, expected one of ${PRESETS.map((p) => `\`${p}\``).join(', ')}`);
  }
  return { ...result.config, preset: request.preset as Config['preset'] };
}

function hasExtends(text: string): boolean {
  try {
    const data: unknown = parse(text);
    return isPlain(data) && '_extends' in data;
  } catch {
    return false; // parseConfig reports the YAML error with its line.
  }
}

/**
 * `_extends` in the CLI: a path (relative to the file naming it) is read and merged as
 * the App merges (deepmerge: objects key by key, lists joined, the extending file wins);
 * a repository reference cannot be read offline and is skipped, said so.
 */
function readChain({ first, shown, skipped, read }: ChainRequest): ReturnType<typeof parseConfig> {
  const layers: unknown[] = [];
  const seen: string[] = [];
  for (let file: string | undefined = first; file !== undefined;) {
    const text = readFileSync(file, 'utf8');
    if (file !== first) read?.(file, text);
    const own = parseConfig(text);
    if (!own.ok && own.errors.some((error) => error.message.startsWith('Invalid YAML'))) return own;
    const { _extends: value, ...rest } = (parse(text) ?? {}) as Record<string, unknown>;
    layers.unshift(rest);
    seen.push(file);
    const next = extendsTarget({ value, from: file, shown, skipped, read });
    if ('error' in next) return { ok: false, errors: [{ path: '_extends', line: 1, ...next.error }] };
    if (next.path !== undefined && (seen.includes(next.path) || seen.length >= MAX_CHAIN)) {
      return { ok: false, errors: [{ path: '_extends', line: 1, message: `Unexpected \`_extends\` chain of more than ${MAX_CHAIN} files or with a loop, expected a short chain`, fix: 'Point `_extends` at a config that does not extend this one.' }] };
    }
    file = next.path;
  }
  return validateConfig(deepmerge.all(layers.filter(isPlain)));
}

function extendsTarget({ value, from, shown, skipped, read }: Omit<ChainRequest, 'first'> & { value: unknown; from: string }): { path?: string } | { error: Pick<ConfigError, 'message' | 'fix'> } {
  if (value === undefined) return {};
  if (typeof value === 'string') {
    const path = resolve(dirname(from), value);
    if (existsSync(path)) return { path };
    // Absent now, read once created: the run cache must see it appear.
    read?.(path, undefined);
    const looksLikePath = /^(\.{1,2}\/|\/)/.test(value) || (/\.ya?ml$/i.test(value) && !value.includes(':'));
    if (!looksLikePath && REPOSITORY.test(value)) {
      skipped?.(`\`_extends: ${value}\` in ${shown}: the CLI reads local files only; checking with the rest of the config`);
      return {};
    }
    if (looksLikePath) return { error: { message: `Unexpected \`_extends\` path \`${value}\`, expected a file that exists (relative to the file naming it)`, fix: 'Fix the path, or name a repository (`owner/repo`) for the App and the Action.' } };
  }
  return { error: { message: `Unexpected \`_extends\` value ${JSON.stringify(value)?.slice(0, 100)}, expected a local path, \`repo\`, \`owner/repo\` or \`owner/repo:path.yml\``, fix: 'Name a file or the repository (and optionally the file) to extend.' } };
}

interface ChainRequest {
  first: string;
  shown: string;
  skipped?: ConfigRequest['skipped'];
  read?: ConfigRequest['read'];
}

function pick(request: ConfigRequest): Pick<ChainRequest, 'skipped' | 'read'> {
  return { ...(request.skipped ? { skipped: request.skipped } : {}), ...(request.read ? { read: request.read } : {}) };
}

function isPlain(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
