/**
 * `npm run bench:cli [-- CORPUS]`: `specgate check` as a user runs it, one process per run,
 * against markdownlint-cli2 on the same files. The markdown documents of the corpus (default
 * `../shared/corpus`, or SPECGATE_CORPUS) are copied at 1×, 2× and 4×, each copy made
 * distinct by a line naming it, so neither a cache nor deduplication can flatter the figures.
 * Measured in one run, interleaved, as medians of BENCH_RUNS (default 5): cold, warm
 * `--cache`, one file changed after a warm run, peak RSS; growth at 2× and 4× in the first
 * BENCH_GROWTH_RUNS iterations (default 3: they are six times the rest); then the JSON
 * reports with and without workers and cache are compared byte for byte (exit 1 when they differ).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { isGated, parseConfig } from '../src/engine/index.js';
import { markdownPaths } from '../test/support/markdown-files.js';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const GROWTH_RUNS = Math.min(RUNS, Math.max(1, Number(process.env.BENCH_GROWTH_RUNS ?? 3)));
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(repo, process.argv[2] ?? process.env.SPECGATE_CORPUS ?? '../shared/corpus');
const specgateBin = join(repo, 'bin', 'specgate.js');
const markdownlintBin = join(repo, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);
const SCALES = [1, 2, 4] as const;

interface Run {
  ms: number;
  /** Peak resident set in MB, when /usr/bin/time is there to say. */
  rssMb: number | undefined;
  stdout: string;
}

const listMarkdown = markdownPaths;

const CONFIG = 'roots: ["corpus"]\n';

/** A repository root holding `times` distinct copies of the corpus's markdown under `corpus/`. */
function buildTree(root: string, sources: readonly string[], times: number): { files: string[]; bytes: number } {
  mkdirSync(join(root, '.github'), { recursive: true });
  writeFileSync(join(root, '.github', 'specgate.yml'), CONFIG);
  const files: string[] = [];
  let bytes = 0;
  for (let copy = 0; copy < times; copy++) {
    for (const source of sources) {
      const target = join('corpus', `copy-${copy}`, source);
      const content = `${readFileSync(join(corpus, source), 'utf8').replace(/\n*$/, '\n')}\n<!-- bench copy ${copy} of ${source} -->\n`;
      mkdirSync(dirname(join(root, target)), { recursive: true });
      writeFileSync(join(root, target), content);
      files.push(target);
      bytes += Buffer.byteLength(content);
    }
  }
  const git = spawnSync('git', ['init', '-q'], { cwd: root, encoding: 'utf8' });
  if (git.status !== 0) throw new Error(`git init failed in ${root}: ${git.stderr}`);
  return { files, bytes };
}

/** One process, timed from spawn to exit; `okStatuses` are the exit codes that are not a crash. */
function run(label: string, cwd: string, args: readonly string[], okStatuses: readonly number[]): Run {
  const rssFile = join(cwd, '..', `rss-${process.pid}.txt`);
  const command = hasTime ? TIME : process.execPath;
  const argv = hasTime ? ['-f', '%M', '-o', rssFile, process.execPath, ...args] : [...args];
  const start = performance.now();
  const result = spawnSync(command, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  if (result.error !== undefined || result.status === null || !okStatuses.includes(result.status)) {
    const tail = `${result.stderr ?? ''}`.split('\n').slice(-15).join('\n');
    throw new Error(`${label} crashed (exit ${result.status ?? result.signal ?? result.error?.message}):\n${tail}`);
  }
  let rssMb: number | undefined;
  if (hasTime) {
    rssMb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024;
    rmSync(rssFile, { force: true });
  }
  return { ms, rssMb, stdout: result.stdout };
}

const check = (cwd: string, extra: readonly string[]): Run => run(`specgate check ${extra.join(' ')}`, cwd, [specgateBin, 'check', '--format', 'json', ...extra], [0, 1]);
const markdownlint = (cwd: string): Run => run('markdownlint-cli2', cwd, [markdownlintBin, 'corpus/**/*.md'], [0, 1]);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const mb = (value: number | undefined): string => (value === undefined ? 'n/a' : `${value.toFixed(0)} MB`);

/** "identical", or the first line where two reports part. */
function compare(name: string, a: string, b: string): boolean {
  if (a === b) {
    console.log(`  ${name}: identical (${Buffer.byteLength(a)} bytes)`);
    return true;
  }
  const left = a.split('\n');
  const right = b.split('\n');
  const line = left.findIndex((text, index) => text !== right[index]);
  const at = line === -1 ? left.length : line;
  console.log(`  ${name}: DIFFERENT at line ${at + 1}\n    - ${(left[at] ?? '<end>').slice(0, 300)}\n    + ${(right[at] ?? '<end>').slice(0, 300)}`);
  return false;
}

function main(): number {
  if (!existsSync(corpus)) {
    console.log(`bench:cli: no corpus at ${corpus} (pass a folder as argument or set SPECGATE_CORPUS); skipped.`);
    return 0;
  }
  if (!existsSync(markdownlintBin)) throw new Error(`markdownlint-cli2 is not installed (${markdownlintBin}); run npm install.`);
  const help = spawnSync(process.execPath, [specgateBin, '--help'], { encoding: 'utf8' }).stdout;
  const supportsCache = help.includes('--cache') && help.includes('--cache-location');
  const supportsConcurrency = help.includes('--concurrency');
  const sources = listMarkdown(corpus);
  const work = mkdtempSync(join(tmpdir(), 'specgate-bench-cli-'));
  try {
    console.log(`bench:cli: ${sources.length} markdown files from ${corpus}; ${RUNS} run(s) each (growth: ${GROWTH_RUNS}), interleaved; node ${process.version}`);
    console.log(hasTime ? 'peak RSS: /usr/bin/time -f %M' : 'peak RSS: /usr/bin/time absent');
    const roots = new Map<number, { root: string; files: string[] }>();
    for (const times of SCALES) {
      const root = join(work, `x${times}`);
      const { files, bytes } = buildTree(root, sources, times);
      roots.set(times, { root, files });
      console.log(`  ${times}×: ${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB`);
    }
    const one = roots.get(1)!;
    // A changed file the check does not gate would leave the last run's output valid: change gated ones only.
    const config = parseConfig(CONFIG);
    if (!config.ok) throw new Error('the bench config does not parse');
    const gated = one.files.filter((file) => isGated(file, config.config));
    const warmCache = join(work, 'cache-warm');
    const cached = ['--cache', '--cache-location', warmCache];
    if (supportsCache) check(one.root, cached);

    const samples: Record<string, Run[]> = { cold: [], markdownlint: [], warm: [], changed: [], cold2: [], cold4: [] };
    for (let iteration = 0; iteration < RUNS; iteration++) {
      samples.cold!.push(check(one.root, []));
      samples.markdownlint!.push(markdownlint(one.root));
      if (supportsCache) {
        // The tree is as the cache's last run left it: a warm run, then one file changed.
        samples.warm!.push(check(one.root, cached));
        const file = gated[(iteration * 97) % gated.length]!;
        appendFileSync(join(one.root, file), `\nChanged by bench iteration ${iteration}.\n`);
        samples.changed!.push(check(one.root, cached));
      }
      if (iteration < GROWTH_RUNS) {
        samples.cold2!.push(check(roots.get(2)!.root, []));
        samples.cold4!.push(check(roots.get(4)!.root, []));
      }
      const figures = Object.entries(samples).flatMap(([key, list]) => (list.length > iteration ? [`${key} ${seconds(list[iteration]!.ms)} ${mb(list[iteration]!.rssMb)}`] : []));
      console.log(`  iteration ${iteration + 1}/${RUNS}: ${figures.join(', ')}`);
    }

    const time = (key: string): number | undefined => (samples[key]!.length === 0 ? undefined : median(samples[key]!.map((sample) => sample.ms)));
    const rss = (key: string): number | undefined => {
      const values = samples[key]!.flatMap((sample) => (sample.rssMb === undefined ? [] : [sample.rssMb]));
      return values.length === 0 ? undefined : median(values);
    };
    const cold = time('cold')!;
    const lint = time('markdownlint')!;
    const warm = time('warm');
    const changed = time('changed');
    const coldRss = rss('cold');
    const verdict = (pass: boolean | undefined): string => (pass === undefined ? 'not supported yet' : pass ? 'pass' : 'MISS');
    const rows: [string, string, string, string, string][] = [
      ['cold CLI, 1×', seconds(cold), mb(coldRss), 'RSS < 300 MB', coldRss === undefined ? 'n/a' : verdict(coldRss < 300)],
      ['markdownlint-cli2, 1×', seconds(lint), mb(rss('markdownlint')), '', ''],
      ['cold / markdownlint', `${(cold / lint).toFixed(2)}×`, '', '≤ 0.5×', verdict(cold / lint <= 0.5)],
      warm === undefined
        ? ['warm --cache, 1×', 'not supported yet', '', '≤ 0.1× cold, < 0.5 s', 'not supported yet']
        : ['warm --cache, 1×', `${seconds(warm)} (${(warm / cold).toFixed(3)}× cold)`, mb(rss('warm')), '≤ 0.1× cold, < 0.5 s', verdict(warm <= 0.1 * cold && warm < 500)],
      changed === undefined || warm === undefined
        ? ['one file changed, --cache', 'not supported yet', '', '≤ 1.2× warm', 'not supported yet']
        : ['one file changed, --cache', `${seconds(changed)} (${(changed / warm).toFixed(2)}× warm)`, mb(rss('changed')), '≤ 1.2× warm', verdict(changed <= 1.2 * warm)],
    ];
    for (const times of [2, 4]) {
      const value = time(`cold${times}`)!;
      const memory = rss(`cold${times}`);
      const rssRatio = memory === undefined || coldRss === undefined ? '' : `, RSS ${(memory / coldRss).toFixed(2)}×`;
      rows.push([`cold CLI, ${times}×`, `${seconds(value)} (${(value / cold).toFixed(2)}× 1×${rssRatio})`, mb(memory), `time ≈ ${times}× (linear)`, verdict(value <= times * cold * 1.25)]);
    }
    console.log('');
    const widths = [0, 1, 2, 3, 4].map((column) => Math.max(...[['measure', 'median time', 'peak RSS', 'goal', 'result'], ...rows].map((row) => row[column]!.length)));
    const line = (row: readonly string[]): string => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
    console.log(line(['measure', 'median time', 'peak RSS', 'goal', 'result']));
    for (const row of rows) console.log(line(row));
    console.log('  (linear: at most 1.25× the ideal multiple of the 1× time)');

    console.log('\nIdentical reports (--format json, 1×):');
    let identical = true;
    const coldOff = supportsConcurrency ? check(one.root, ['--concurrency', 'off']) : undefined;
    const coldAuto = supportsConcurrency ? check(one.root, ['--concurrency', 'auto']) : check(one.root, []);
    if (coldOff === undefined) console.log('  cold --concurrency off vs auto: not supported yet');
    else identical = compare('cold --concurrency off vs auto', coldOff.stdout, coldAuto.stdout) && identical;
    if (supportsCache) {
      const fresh = ['--cache', '--cache-location', join(work, 'cache-identity')];
      check(one.root, fresh);
      identical = compare('cold vs warm --cache', coldAuto.stdout, check(one.root, fresh).stdout) && identical;
      const file = gated[gated.length - 1]!;
      appendFileSync(join(one.root, file), '\n## Added by the bench\n\nA changed section.\n');
      const warmAfter = check(one.root, fresh);
      identical = compare('one file changed: warm --cache vs cold', warmAfter.stdout, check(one.root, []).stdout) && identical;
    } else {
      console.log('  cold vs warm --cache: not supported yet');
      console.log('  one file changed: warm --cache vs cold: not supported yet');
    }
    return identical ? 0 : 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = main();
