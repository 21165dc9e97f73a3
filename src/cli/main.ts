import { HELP, parseCommand, type Command } from './args.js';
import { describeError } from './errors.js';
import { replayRun, type KnownFiles } from './run-cache.js';
import { readVersion } from './version.js';

/** Where the CLI writes; tests capture it, the entry file passes the process's streams. */
export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The environment (`SPECGATE_DEBUG_CACHE=1` prints cache counts on stderr); the process's when absent. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Exit codes: 0 every gate passes, 1 a gate fails, 2 usage or configuration error. */
export const EXIT = { pass: 0, fail: 1, error: 2 } as const;

/**
 * The entry point: help, the version and a `check --cache` whose inputs did not change
 * are answered without loading the engine; everything else imports it first.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    io.stderr(describeError(error));
    return EXIT.error;
  }
  if (command.name === 'help') return write(io, HELP);
  if (command.name === 'version') return write(io, `${readVersion()}\n`);
  let known: KnownFiles | undefined;
  if (command.name === 'check') {
    const replay = replayStored(command, io);
    if (replay.code !== undefined) return replay.code;
    known = replay.known;
  }
  const { runCommand } = await import('./run.js');
  return runCommand(command, io, known);
}

function write(io: CliIo, text: string): number {
  io.stdout(text);
  return EXIT.pass;
}

/**
 * Prints the stored output of an unchanged `check --cache` run and gives its exit code; when
 * there is none, what the attempt learnt of the tree (see {@link KnownFiles}), if anything.
 */
export function replayStored(command: Extract<Command, { name: 'check' }>, io: CliIo): { code?: number; known?: KnownFiles } {
  const replay = replayRun(command, io.cwd);
  const stored = replay.output;
  if (!stored) return replay.known ? { known: replay.known } : {};
  io.stderr(stored.stderr);
  io.stdout(stored.stdout);
  if (debugCache(io)) io.stderr(`specgate: cache ${stored.files} hits, 0 parsed (last run's output, ${stored.read} of ${stored.files} files read)\n`);
  return { code: stored.code };
}

/** Whether `SPECGATE_DEBUG_CACHE=1` asks for the cache counts. */
export function debugCache(io: CliIo): boolean {
  return (io.env ?? process.env).SPECGATE_DEBUG_CACHE === '1';
}
