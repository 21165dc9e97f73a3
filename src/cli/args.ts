import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

export const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

/** A parsed command line. */
export type Command =
  | { name: 'help' }
  | { name: 'version' }
  | { name: 'rules'; format: Format }
  | CheckCommand;

/** `--concurrency`: `auto` (worker threads when enough files need parsing), `off`, or a number of threads. */
export type Concurrency = 'auto' | 'off' | number;

export interface CheckCommand {
  name: 'check';
  paths: string[];
  config?: string;
  preset?: string;
  base?: string;
  format: Format;
  quiet?: boolean;
  /** `--cache`: the folder holding the cache (`--cache-location`, default `node_modules/.cache/specgate`), as given. */
  cache?: string;
  /** `--concurrency`; `auto` when absent. */
  concurrency?: Concurrency;
}

/** Where `--cache` keeps its files when `--cache-location` is not given, relative to the working directory. */
export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/specgate';

export const HELP = `specgate: deterministic gates for spec-driven-development documents

Usage:
  specgate check [PATH...] [--config FILE] [--preset NAME] [--base REF] [--format FORMAT] [--quiet]
                 [--cache] [--cache-location DIR] [--concurrency auto|off|N]
  specgate rules [--format text|json]
  specgate --help | --version

check
  Each directory PATH is scanned as a repository root: its .github/specgate.yml
  applies and paths are reported relative to it. Each file PATH is checked as
  given, with the working directory as root. Default PATH: the working directory.
  A directory without its own .github/specgate.yml inside a git repository is
  checked with the config of the nearest folder above it that has one (up to the
  git root), as part of that repository. Files ignored by .gitignore are skipped.

Options:
  -c, --config FILE    Use this config file instead of <root>/.github/specgate.yml
  -p, --preset NAME    Override the config's preset (auto, speckit-gen1, speckit-gen2,
                       speckit-epic, phased-plan, milestone-plan, generic)
  -b, --base REF       Compare with the files at this git ref (branch, tag, commit),
                       for the rules that check amendments; directory PATHs only
  -f, --format FORMAT  text (default), json, sarif or markdown
  -q, --quiet          Report errors only (the exit code is unchanged)
  --cache              Keep each document's parse and findings, keyed by a hash of its
                       bytes, and the last run's output; an unchanged tree is answered
                       from the cache, a changed one checks the changed features only
  --cache-location DIR Where --cache keeps its files (default node_modules/.cache/specgate)
  --concurrency VALUE  Parse in worker threads: auto (default: when enough documents need
                       parsing), off, or a number of threads
  -h, --help           Show this help
  -v, -V, --version    Show the version

Exit codes: 0 every gate passes, 1 a gate fails, 2 usage or configuration error.
`;

/** Parses argv (without `node` and the script) into a command; throws {@link UsageError}. */
export function parseCommand(argv: readonly string[]): Command {
  const { values, positionals } = parseOrThrow(argv);
  if (values.help) return { name: 'help' };
  if (values.version) return { name: 'version' };
  const [name, ...paths] = positionals;
  const format = toFormat(values.format);
  if (name === undefined) return { name: 'help' };
  if (name === 'rules') {
    if (paths.length > 0) throw new UsageError(`Unexpected argument \`${paths[0]}\` for \`specgate rules\``);
    return { name: 'rules', format };
  }
  if (name !== 'check') throw new UsageError(`Unknown command \`${name}\`, expected \`check\` or \`rules\``);
  return {
    name: 'check',
    paths: paths.length > 0 ? paths : ['.'],
    format,
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values.preset !== undefined ? { preset: values.preset } : {}),
    ...(values.base !== undefined ? { base: values.base } : {}),
    ...(values.quiet ? { quiet: true } : {}),
    ...(values.cache ? { cache: values['cache-location'] ?? DEFAULT_CACHE_LOCATION } : {}),
    concurrency: toConcurrency(values.concurrency),
  };
}

function parseOrThrow(argv: readonly string[]) {
  try {
    return parseArgs({
      // `-V` as markdownlint-cli2 and eslint users type it; parseArgs allows one short flag per option.
      args: argv.map((arg) => (arg === '-V' ? '--version' : arg)),
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string', short: 'c' },
        preset: { type: 'string', short: 'p' },
        base: { type: 'string', short: 'b' },
        format: { type: 'string', short: 'f' },
        quiet: { type: 'boolean', short: 'q' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

function toFormat(value: string | undefined): Format {
  if (value === undefined) return 'text';
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`Unknown format \`${value}\`, expected one of ${FORMATS.map((f) => `\`${f}\``).join(', ')}`);
}

function toConcurrency(value: string | undefined): Concurrency {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'off') return 'off';
  if (/^[1-9]\d{0,2}$/.test(value)) return Number(value);
  throw new UsageError(`Unknown concurrency \`${value}\`, expected \`auto\`, \`off\` or a number of threads (1 to 999)`);
}
