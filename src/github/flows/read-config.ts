import { parse } from 'yaml';
import { checkConfigSize, defaultConfig, parseConfig, validateConfig, type ConfigError } from '../../engine/index.js';
import type { GitHubClient } from '../client.js';
import { readConfigText } from '../read/config.js';
import { ConfigFileTooLargeError } from './limit-config-file.js';
import type { LoadedConfig } from './ports.js';

/** One config file of an `_extends` chain. */
interface ConfigFile {
  owner: string;
  repo: string;
  path: string;
  text: string;
}

// Probot's (@probot/octokit-plugin-config): `repo`, `owner/repo`, either with `:path/to/file.yml`.
const EXTENDS = /^(?:([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/)?([-_.\w\d]+)(?::([-_./\w\d]+\.ya?ml))?$/i;
/** How many files one chain may follow: a loop or a long chain is a config error, not a hang. */
const MAX_CHAIN = 5;

type Chain = { files: ConfigFile[] } | { error: ConfigError };

/**
 * Reads the config at `ref` with Probot's `context.config` semantics, through the API:
 * the repository's file, else the owner's `.github` repository's; then each `_extends`
 * target (another repository's default branch) in turn, merged deeply (later files win,
 * lists are joined). A single file keeps its line numbers in errors.
 */
export async function readConfigChain(input: { octokit: GitHubClient; owner: string; repo: string; ref: string; path: string }): Promise<LoadedConfig> {
  const chain = await readChain(input);
  if ('error' in chain) return { state: 'invalid', config: defaultConfig(), errors: [chain.error] };
  if (chain.files.length === 0) return { state: 'missing', config: defaultConfig() };
  const [only] = chain.files;
  const plain = chain.files.length === 1 && (parse(only!.text) as { _extends?: unknown } | null)?._extends === undefined;
  const result = plain ? parseConfig(only!.text) : validateConfig(merge(chain.files.map((file) => strip(parse(file.text)))));
  return result.ok ? { state: 'valid', config: result.config } : { state: 'invalid', config: defaultConfig(), errors: result.errors };
}

async function readChain(input: { octokit: GitHubClient; owner: string; repo: string; ref: string; path: string }): Promise<Chain> {
  const first = await readFirst(input);
  if (!first) return { files: [] };
  const files = [first];
  for (let file: ConfigFile | undefined = first; file;) {
    const problem = checkConfigSize(file.text) ?? yamlProblem(file.text);
    if (problem) return { error: problem };
    const target = extendsTarget(parse(file.text), file);
    if ('error' in target) return target;
    if (!target.next) break;
    if (files.length >= MAX_CHAIN || files.some((seen) => seen.owner === target.next!.owner && seen.repo === target.next!.repo && seen.path === target.next!.path)) {
      return { error: { path: '_extends', message: `Unexpected \`_extends\` chain of more than ${MAX_CHAIN} files or with a loop, expected a short chain`, fix: 'Point `_extends` at a config that does not extend this one.' } };
    }
    const text = await readConfigText({ octokit: input.octokit, ...target.next });
    file = text === undefined ? undefined : { ...target.next, text };
    if (file) files.push(file);
  }
  // The extended files come first: the repository's own file has the last word.
  return { files: files.reverse() };
}

async function readFirst(input: { octokit: GitHubClient; owner: string; repo: string; ref: string; path: string }): Promise<ConfigFile | undefined> {
  const text = await readConfigText(input);
  if (text !== undefined) return { owner: input.owner, repo: input.repo, path: input.path, text };
  if (input.repo === '.github') return undefined;
  const shared = await readConfigText({ octokit: input.octokit, owner: input.owner, repo: '.github', path: input.path });
  return shared === undefined ? undefined : { owner: input.owner, repo: '.github', path: input.path, text: shared };
}

function yamlProblem(text: string): ConfigError | undefined {
  const result = parseConfig(text);
  return result.ok ? undefined : result.errors.find((error) => error.message.startsWith('Invalid YAML'));
}

function extendsTarget(data: unknown, from: ConfigFile): { next?: Omit<ConfigFile, 'text'> } | { error: ConfigError } {
  const value = (data as { _extends?: unknown } | null)?._extends;
  if (value === undefined) return {};
  const match = typeof value === 'string' ? EXTENDS.exec(value) : null;
  if (!match) return { error: { path: '_extends', message: `Unexpected \`_extends\` value ${JSON.stringify(value).slice(0, 100)}, expected \`repo\`, \`owner/repo\` or \`owner/repo:path.yml\``, fix: 'Name the repository (and optionally the file) to extend.' } };
  return { next: { owner: match[1] ?? from.owner, repo: match[2]!, path: match[3] ?? from.path } };
}

function strip(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data ?? {};
  const { _extends: _ignored, ...rest } = data as Record<string, unknown>;
  return rest;
}

/** Deep merge as Probot's loader does it (deepmerge): objects key by key, lists joined, the later value wins otherwise. */
function merge(values: readonly unknown[]): unknown {
  return values.reduce((into, value) => mergeTwo(into, value), {});
}

function mergeTwo(a: unknown, b: unknown): unknown {
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (!isPlain(a) || !isPlain(b)) return b;
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) out[key] = key in out ? mergeTwo(out[key], value) : value;
  return out;
}

function isPlain(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The App's config, read by Probot's `context.config` (`read`: default branch, `_extends`
 * followed) and validated. Only a parse problem or a file too large is the user's to fix;
 * GitHub failures propagate.
 */
export async function loadConfigData(read: () => Promise<unknown>): Promise<LoadedConfig> {
  const fallback = defaultConfig();
  let data: unknown;
  try {
    data = await read();
  } catch (error) {
    if (error instanceof ConfigFileTooLargeError) return { state: 'invalid', config: fallback, errors: [error.configError] };
    if ((error as { status?: number }).status !== undefined) throw error;
    const message = error instanceof Error ? error.message : String(error);
    return { state: 'invalid', config: fallback, errors: [{ path: '(root)', message: message.split('\n')[0] ?? message, fix: 'Fix the YAML syntax of `.github/specgate.yml`.' }] };
  }
  if (data === null || data === undefined) return { state: 'missing', config: fallback };
  const result = validateConfig(strip(data));
  return result.ok ? { state: 'valid', config: result.config } : { state: 'invalid', config: fallback, errors: result.errors };
}
