import type { ConfigError } from '../engine/index.js';

/** The command line was wrong: unknown option, missing path, bad `--format`. Exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A config file could not be read or is invalid. Exit code 2; each error names its YAML path, line and fix. */
export class ConfigFileError extends Error {
  override name = 'ConfigFileError';
  constructor(
    readonly file: string,
    readonly errors: readonly ConfigError[],
    options?: ErrorOptions,
  ) {
    super(`Invalid configuration in ${file}`, options);
  }
}

/** What the user reads on stderr for an error, with the fix where we know one. */
export function describeError(error: unknown): string {
  if (error instanceof ConfigFileError) {
    const lines = error.errors.map((problem) => {
      const where = problem.line === undefined ? error.file : `${error.file}:${problem.line}`;
      return `  ${where}  ${problem.path}: ${problem.message}\n    fix: ${problem.fix}`;
    });
    return `specgate: invalid configuration in ${error.file}\n${lines.join('\n')}\n`;
  }
  if (error instanceof UsageError) return `specgate: ${error.message}\nRun \`specgate --help\` for usage.\n`;
  const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `specgate: unexpected error, please report it with the command you ran.\n${reason}\n`;
}
