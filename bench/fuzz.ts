/**
 * `npm run bench:fuzz [-- --count N --seed S --workers W]`: N generated inputs (10,000 by
 * default; see fuzz-inputs.ts) through the engine as the App runs it (`gateDocuments`, the
 * report and the flagged clarification markers, and `markerKeysOf`), on W worker threads (2).
 * A crash is: the engine throws, a rule throws (its "Unexpected error in rule" finding), a
 * finding points outside the files it was given, a report differs on a second evaluation
 * (every 25th input), or one input runs past the App's evaluation deadline (60 s; its worker
 * is stopped). Each crash prints its input's seed; the run exits 1. `--input <seed>` replays
 * one input in this process and writes its files to bench/out/fuzz-<seed>/. The slowest
 * input and a per-kind summary are printed, and written to bench/out/fuzz.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { evaluate, type Finding } from '../src/engine/index.js';
import { findPathology } from '../src/engine/markdown/guard.js';
import { gateDocuments, markerKeysOf } from '../src/github/flows/evaluate.js';
import { generate, inputSeed, KINDS, seeds, type FuzzInput, type Kind } from './fuzz-inputs.js';

/** The App's deadline for one evaluation (DEFAULT_EVALUATION_TIMEOUT_MS): an input past it fails its check in the App. */
const HANG_MS = 60_000;
const DETERMINISM_EVERY = 25;
/** Inputs slower than this are listed (not a crash: the App's deadline is {@link HANG_MS}). */
const SLOW_MS = 5_000;
const OUT = join(import.meta.dirname, 'out');

/** What a worker reports for one input. */
interface Outcome {
  index: number;
  seed: number;
  kind: Kind;
  ms: number;
  bytes: number;
  files: number;
  findings: number;
  /** Parsed, or only scanned line by line because the guard found it too costly (or too large). */
  route: 'parsed' | 'scanned' | 'mixed';
  problem?: string;
}

const decoder = new TextDecoder();
const textOf = (content: string | Uint8Array): string => (typeof content === 'string' ? content : decoder.decode(content));
const sizeOf = (content: string | Uint8Array): number => (typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength);

/** Runs one input through the engine and says what is wrong with the result, if anything. */
export function runOne(input: FuzzInput, index: number, checkDeterminism: boolean): Outcome {
  const { files, config, tree, base } = input;
  const engineInput = { files, config, ...(tree ? { tree } : {}), ...(base ? { base } : {}) };
  const started = performance.now();
  let problem: string | undefined;
  let findings: Finding[] = [];
  try {
    const output = gateDocuments({ ...engineInput, markers: true });
    markerKeysOf(files);
    findings = output.report.gates.flatMap((gate) => gate.findings);
    problem = findingProblem(input, findings);
    if (!problem && checkDeterminism && JSON.stringify(evaluate(engineInput)) !== JSON.stringify(output.report)) problem = 'Unexpected different report on a second evaluation, expected the same';
  } catch (error) {
    problem = `Unexpected exception, expected a report: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  }
  const ms = performance.now() - started;
  const routes = new Set(files.map((file) => (sizeOf(file.content) > config['max-file-size'] || findPathology(textOf(file.content)) ? 'scanned' : 'parsed')));
  return {
    index, seed: input.seed, kind: input.kind, ms, findings: findings.length, files: files.length,
    bytes: files.reduce((sum, file) => sum + sizeOf(file.content), 0),
    route: routes.size > 1 ? 'mixed' : ([...routes][0] as 'parsed' | 'scanned' | undefined) ?? 'parsed',
    ...(problem ? { problem } : {}),
  };
}

/** A rule that threw, or a finding on a file or line the input does not have. */
function findingProblem(input: FuzzInput, findings: readonly Finding[]): string | undefined {
  const lines = new Map(input.files.map((file) => [file.path, textOf(file.content).split(/\r\n|\r|\n/).length]));
  for (const finding of findings) {
    if (finding.message.startsWith('Unexpected error in rule')) return `A rule threw: ${finding.rule} at ${finding.path}:${finding.line}: ${finding.message}`;
    const count = lines.get(finding.path);
    if (count === undefined) return `Unexpected finding on ${finding.path} (${finding.rule}), expected one of the input's files`;
    if (finding.line < 1 || finding.line > count) return `Unexpected line ${finding.line} of ${finding.path} (${finding.rule}), expected 1 to ${count}`;
  }
  return undefined;
}

/** A process warning the engine emitted (Node prints them on stderr: in the App, a line that is not JSON). */
interface Warned {
  warning: string;
  index: number;
}

/** The worker: takes indices, answers outcomes, and reports the process warnings an input caused. */
function work(runSeed: number): void {
  seeds();
  let current = -1;
  // Warnings are emitted on the next tick, still within the message that caused them.
  process.removeAllListeners('warning');
  process.on('warning', (warning) => parentPort!.postMessage({ warning: `${warning.name}: ${warning.message.split('\n')[0]}`, index: current } satisfies Warned));
  parentPort!.on('message', (index: number) => {
    current = index;
    const input = generate(inputSeed(runSeed, index));
    parentPort!.postMessage(runOne(input, index, index % DETERMINISM_EVERY === 0));
  });
  parentPort!.postMessage('ready');
}

interface Options {
  count: number;
  seed: number;
  workers: number;
  input?: number;
}

function parseArgs(argv: readonly string[]): Options {
  const value = (name: string): number | undefined => {
    const at = argv.indexOf(`--${name}`);
    if (at < 0) return undefined;
    const parsed = Number(argv[at + 1]);
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`Unexpected --${name} ${argv[at + 1] ?? ''}, expected a whole number`);
    return parsed;
  };
  const input = value('input');
  return { count: value('count') ?? 10_000, seed: value('seed') ?? 13, workers: value('workers') ?? Math.min(2, availableParallelism()), ...(input === undefined ? {} : { input }) };
}

/** A worker thread running this file (tsx's hooks registered first: Node 20 ignores `--import` in a worker's execArgv). */
function spawnWorker(runSeed: number): Worker {
  const code = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); });`;
  return new Worker(code, { eval: true, workerData: { fuzzSeed: runSeed }, execArgv: [] });
}

/** Hands out indices to the workers; a worker past {@link HANG_MS} on one input is stopped, its input recorded as a crash, and replaced. */
function runAll(options: Options, warnings: Warned[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  let live = 0;
  return new Promise((resolve, reject) => {
    const busy = new Map<Worker, { index: number; since: number }>();
    const feed = (worker: Worker): void => {
      if (next >= options.count) {
        busy.delete(worker);
        void worker.terminate();
        live -= 1;
        if (live === 0) {
          clearInterval(watchdog);
          resolve(outcomes);
        }
        return;
      }
      busy.set(worker, { index: next, since: performance.now() });
      worker.postMessage(next);
      next += 1;
    };
    const launch = (): void => {
      const worker = spawnWorker(options.seed);
      live += 1;
      worker.on('message', (message: Outcome | Warned | 'ready') => {
        if (typeof message === 'object' && 'warning' in message) {
          warnings.push(message);
          return;
        }
        if (message !== 'ready') {
          outcomes.push(message);
          if (message.problem) report(message);
          if (outcomes.length % 1_000 === 0) console.log(`  ${outcomes.length} / ${options.count} inputs`);
        }
        feed(worker);
      });
      worker.on('error', reject);
    };
    const watchdog = setInterval(() => {
      for (const [worker, task] of busy) {
        if (performance.now() - task.since < HANG_MS) continue;
        busy.delete(worker);
        const seed = inputSeed(options.seed, task.index);
        const hung: Outcome = { index: task.index, seed, kind: generate(seed).kind, ms: performance.now() - task.since, bytes: 0, files: 0, findings: 0, route: 'parsed', problem: `Unexpected evaluation past ${HANG_MS / 1_000} s, expected it within the App's deadline` };
        outcomes.push(hung);
        report(hung);
        worker.removeAllListeners('message');
        void worker.terminate();
        live -= 1;
        launch();
      }
    }, 1_000);
    for (let i = 0; i < options.workers; i += 1) launch();
  });
}

function report(outcome: Outcome): void {
  console.log(`CRASH input seed ${outcome.seed} (#${outcome.index}, ${outcome.kind}): ${outcome.problem}\n  replay: npm run bench:fuzz -- --input ${outcome.seed}`);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** One row per kind: inputs, size, engine time (median, p99, max), how many were only scanned, crashes. */
function summarise(outcomes: readonly Outcome[]): string[] {
  const rows = ['| kind | inputs | median KiB | max KiB | median ms | p99 ms | max ms | scanned | crashes |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const kind of [...KINDS, 'all' as const]) {
    const own = outcomes.filter((outcome) => kind === 'all' || outcome.kind === kind);
    if (own.length === 0) continue;
    const ms = own.map((o) => o.ms).sort((a, b) => a - b);
    const kib = own.map((o) => o.bytes / 1024).sort((a, b) => a - b);
    rows.push(`| ${kind} | ${own.length} | ${percentile(kib, 50).toFixed(1)} | ${kib.at(-1)!.toFixed(0)} | ${percentile(ms, 50).toFixed(1)} | ${percentile(ms, 99).toFixed(0)} | ${ms.at(-1)!.toFixed(0)} | ${own.filter((o) => o.route !== 'parsed').length} | ${own.filter((o) => o.problem).length} |`);
  }
  return rows;
}

/** Each distinct warning, how many inputs caused it, and the seed of the first. */
function describeWarnings(warnings: readonly Warned[], options: Options): string {
  const byText = new Map<string, number[]>();
  for (const { warning, index } of warnings) byText.set(warning, [...(byText.get(warning) ?? []), index]);
  return [...byText].map(([text, indices]) => `${indices.length}× "${text.slice(0, 120)}" (first: input seed ${inputSeed(options.seed, Math.min(...indices))})`).join('; ');
}

function describeOutcome(outcome: Outcome): string {
  return `${outcome.ms.toFixed(0)} ms, input seed ${outcome.seed} (#${outcome.index}), kind ${outcome.kind}, ${outcome.files} file(s), ${(outcome.bytes / 1024).toFixed(1)} KiB, ${outcome.route}, ${outcome.findings} findings`;
}

/** Writes an input's files under bench/out/fuzz-<seed>/ (as bytes: raw bytes are kept). */
function writeInput(input: FuzzInput): string {
  const dir = join(OUT, `fuzz-${input.seed}`);
  for (const file of input.files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  return dir;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  mkdirSync(OUT, { recursive: true });
  if (options.input !== undefined) {
    const input = generate(options.input);
    const outcome = runOne(input, -1, true);
    console.log(`input seed ${input.seed}: ${describeOutcome(outcome)}; files in ${writeInput(input)}`);
    if (outcome.problem) console.log(outcome.problem);
    process.exitCode = outcome.problem ? 1 : 0;
    return;
  }
  console.log(`specgate engine fuzz: ${options.count} inputs, run seed ${options.seed}, ${options.workers} worker threads, ${seeds().length} fixture seeds from test/fixtures`);
  const started = performance.now();
  const warnings: Warned[] = [];
  const outcomes = (await runAll(options, warnings)).sort((a, b) => a.index - b.index);
  const wall = (performance.now() - started) / 1_000;
  const crashes = outcomes.filter((outcome) => outcome.problem);
  const slowest = [...outcomes].sort((a, b) => b.ms - a.ms);
  console.log(`\n${outcomes.length} inputs in ${wall.toFixed(1)} s, ${crashes.length} crashes\n`);
  console.log(summarise(outcomes).join('\n'));
  console.log(`\nslowest input: ${describeOutcome(slowest[0]!)}\n  replay: npm run bench:fuzz -- --input ${slowest[0]!.seed}`);
  console.log(`next slowest:\n${slowest.slice(1, 5).map((o) => `  ${describeOutcome(o)}`).join('\n')}`);
  const slow = outcomes.filter((outcome) => outcome.ms > SLOW_MS);
  if (slow.length > 0) console.log(`\n${slow.length} input(s) over ${SLOW_MS / 1_000} s (the App stops an evaluation at ${HANG_MS / 1_000} s): ${slow.map((o) => `seed ${o.seed} (${o.ms.toFixed(0)} ms)`).join(', ')}`);
  console.log(`\nprocess warnings emitted by the engine: ${warnings.length}${warnings.length > 0 ? ` (on stderr in the App: not JSON); ${describeWarnings(warnings, options)}` : ''}`);
  for (const crash of crashes) console.log(`crash: input seed ${crash.seed}: ${crash.problem!.split('\n')[0]}; files in ${writeInput(generate(crash.seed))}`);
  writeFileSync(join(OUT, 'fuzz.json'), `${JSON.stringify({ options, wallSeconds: wall, crashes, slow, warnings: warnings.map((w) => ({ ...w, seed: inputSeed(options.seed, w.index) })), slowest: slowest.slice(0, 20), summary: summarise(outcomes) }, null, 2)}\n`);
  process.exitCode = crashes.length > 0 ? 1 : 0;
}

if (isMainThread) await main();
else work((workerData as { fuzzSeed: number }).fuzzSeed);
