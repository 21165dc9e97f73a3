import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { resolve } from 'node:path';
import { renderJson, renderMarkdown, renderSarif, renderText, rules, type Report } from '../engine/index.js';
import { HELP, parseCommand, type CheckCommand, type Command, type Concurrency, type Format } from './args.js';
import { evaluatePlan, planCheck, type CheckPlan } from './check.js';
import { describeError } from './errors.js';
import { listRules } from './list-rules.js';
import { debugCache, EXIT, replayStored, type CliIo } from './main.js';
import { FindingStore } from './finding-store.js';
import { ModelStore } from './model-store.js';
import type { ParseRequest } from './parse-pool.js';
import { saveRun, type KnownFiles } from './run-cache.js';
import { readVersion } from './version.js';

export { EXIT, type CliIo } from './main.js';

/**
 * Cache misses per worker thread below which parsing on the main thread is faster: a
 * worker costs its start and the engine's import (about 0.3 s here) before it parses.
 */
export const MISSES_PER_THREAD = 48;

/** Runs one command line in this thread (no worker pool); returns the exit code. */
export function run(argv: readonly string[], io: CliIo): number {
  try {
    const command = parseCommand(argv);
    if (command.name !== 'check') return runSimple(command, io);
    const replay = replayStored(command, io);
    if (replay.code !== undefined) return replay.code;
    const { plan, store } = prepare(command, io, replay.known);
    return finish({ command, io, plan, store });
  } catch (error) {
    io.stderr(describeError(error));
    return EXIT.error;
  }
}

/**
 * Runs a parsed command, parsing cache misses in worker threads as `--concurrency` allows;
 * `known` is what a replay that failed learnt of the tree. The one place errors become messages.
 */
export async function runCommand(command: Command, io: CliIo, known?: KnownFiles): Promise<number> {
  try {
    if (command.name !== 'check') return runSimple(command, io);
    boundHeapGrowth();
    const { plan, store } = prepare(command, io, known);
    const misses = missesOf(plan, store);
    const threads = threadsFor(command.concurrency ?? 'auto', misses.length);
    if (threads > 0) {
      const { parseInWorkers } = await import('./parse-pool.js');
      for (const [key, json] of await parseInWorkers(misses, threads)) store.setJson(key, json);
    }
    return finish({ command, io, plan, store });
  } catch (error) {
    io.stderr(describeError(error));
    return EXIT.error;
  }
}

/**
 * How far V8 lets a heap grow past what a full collection left alive, in percent, for this
 * process and the worker threads it starts. A check allocates fast and keeps little, and
 * V8's own factor (up to 4×) then lets each heap reach several times its live size: over
 * the 1,968 files of the bench corpus the cold run peaked at 450 MB with V8's default and at
 * 380 MB with 15%, in the same time (bench/cli.ts). A flag set at run time is read at the
 * next collection; should a Node refuse it, the run goes on with V8's default.
 */
export const HEAP_GROWING_PERCENT = 15;

function boundHeapGrowth(): void {
  try {
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  } catch {
    // V8's default growth: more memory, same results.
  }
}

function runSimple(command: Exclude<Command, CheckCommand>, io: CliIo): number {
  switch (command.name) {
    case 'help':
      io.stdout(HELP);
      return EXIT.pass;
    case 'version':
      io.stdout(`${readVersion()}\n`);
      return EXIT.pass;
    case 'rules':
      io.stdout(listRules(command.format));
      return EXIT.pass;
  }
}

function prepare(command: CheckCommand, io: CliIo, known?: KnownFiles): { plan: CheckPlan; store: ModelStore } {
  const store = command.cache === undefined ? ModelStore.inMemory() : ModelStore.load(resolve(io.cwd, command.cache));
  const plan = planCheck(command, io.cwd, { keyed: command.cache !== undefined || command.concurrency !== 'off', ...(known ? { known } : {}) });
  store.use(plan.inputs.gated.values());
  return { plan, store };
}

/** The files whose key the store does not hold, once per key. */
function missesOf(plan: CheckPlan, store: ModelStore): ParseRequest[] {
  const seen = new Set<string>();
  const misses: ParseRequest[] = [];
  for (const { files, config } of plan.jobs) {
    for (const file of files) {
      if (file.key === undefined || store.has(file.key) || seen.has(file.key)) continue;
      seen.add(file.key);
      misses.push({ file: { ...file, key: file.key }, config });
    }
  }
  return misses;
}

/** Worker threads for this many misses: `auto` uses them only when each thread gets {@link MISSES_PER_THREAD}. */
export function threadsFor(concurrency: Concurrency, misses: number): number {
  if (concurrency === 'off' || misses === 0) return 0;
  if (typeof concurrency === 'number') return Math.min(concurrency, misses);
  const threads = Math.min(availableParallelism(), Math.floor(misses / MISSES_PER_THREAD));
  return threads >= 2 ? threads : 0;
}

interface Finish {
  command: CheckCommand;
  io: CliIo;
  plan: CheckPlan;
  store: ModelStore;
}

function finish({ command, io, plan, store }: Finish): number {
  const keyed = command.cache !== undefined || command.concurrency !== 'off';
  const findings = command.cache === undefined ? undefined : FindingStore.load(resolve(io.cwd, command.cache));
  const { report, skipped, nothingChecked } = evaluatePlan(plan, keyed ? store : undefined, findings);
  const stderr = [...skipped.map((reason) => `specgate: skipped ${reason}\n`), ...nothingChecked.map((note) => `specgate: ${note}\n`)].join('');
  const stdout = render(command.quiet ? errorsOnly(report) : report, command.format);
  const code = report.conclusion === 'failure' ? EXIT.fail : EXIT.pass;
  io.stderr(stderr);
  io.stdout(stdout);
  if (command.cache !== undefined) {
    try {
      store.save();
      findings?.save();
      saveRun({ command, cwd: io.cwd, inputs: plan.inputs, output: { stdout, stderr, code } });
    } catch (error) {
      io.stderr(`specgate: cache not written to ${command.cache}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  const read = `${plan.inputs.read} of ${plan.jobs.reduce((sum, job) => sum + job.files.length, 0)} files read`;
  if (debugCache(io)) io.stderr(`specgate: cache ${store.hits} hits, ${store.parsed} parsed${findings ? `, findings of ${findings.documents} document${findings.documents === 1 ? '' : 's'} kept` : ''}, ${read}\n`);
  return code;
}

/** `--quiet`: the findings of severity error only; conclusions stay as evaluated. */
function errorsOnly(report: Report): Report {
  return { ...report, gates: report.gates.map((gate) => ({ ...gate, findings: gate.findings.filter((finding) => finding.severity === 'error') })) };
}

function render(report: Report, format: Format): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, { rules: rules.map((rule) => rule.meta), version: readVersion() });
    case 'markdown':
      return renderMarkdown(report);
    case 'text':
      return renderText(report);
  }
}
