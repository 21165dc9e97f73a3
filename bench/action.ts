/**
 * Action figures: size of the bundle (raw and gzip: the entry, and every file of its folder),
 * what it holds (esbuild's metafile of a fresh build of the sources: the largest packages),
 * and the cold start of `node <bundle>` gating examples/action-passing in workspace mode,
 * and of a misconfigured run (a bad input), as medians of interleaved runs.
 * Run with `npm run bench:action` (chained from `npm run bench`).
 * - `SPECGATE_BENCH_BUNDLE`: the entry file(s) to time, separated by `:` (default dist/index.js).
 * - `SPECGATE_BENCH_NODE`: the node binary(ies) to time with, separated by `:` (default this one).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { buildActionWithMetafile } from '../scripts/build-action.js';

const RUNS = 15;
const bundles = (process.env.SPECGATE_BENCH_BUNDLE || 'dist/index.js').split(':').map((file) => resolve(file));
const nodes = (process.env.SPECGATE_BENCH_NODE || process.execPath).split(':');
const temp = mkdtempSync(join(tmpdir(), 'specgate-bench-'));

const MODES = {
  workspace: { INPUT_PATH: 'examples/action-passing' },
  'bad input': { INPUT_PATH: 'examples/action-passing', 'INPUT_FAIL-ON': 'never' },
} satisfies Record<string, Record<string, string>>;
type Mode = keyof typeof MODES;

function coldStart(node: string, bundle: string, mode: Mode): number {
  writeFileSync(join(temp, 'summary'), '');
  writeFileSync(join(temp, 'output'), '');
  const env = {
    PATH: process.env.PATH ?? '',
    GITHUB_WORKSPACE: process.cwd(),
    GITHUB_STEP_SUMMARY: join(temp, 'summary'),
    GITHUB_OUTPUT: join(temp, 'output'),
    RUNNER_TEMP: temp,
    ...MODES[mode],
  };
  const start = performance.now();
  try {
    execFileSync(node, [bundle], { env, stdio: 'ignore' });
  } catch (error) {
    if (mode === 'workspace') throw error; // a bad input exits with 1, as it should
  }
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;

function sizes(bundle: string): string {
  const entry = readFileSync(bundle);
  const folder = dirname(bundle);
  const all = Buffer.concat(readdirSync(folder).filter((name) => name.endsWith('.js')).sort().map((name) => readFileSync(join(folder, name))));
  return `entry ${kib(entry.byteLength)} (${kib(gzipSync(entry).byteLength)} gzip), all .js ${kib(all.byteLength)} (${kib(gzipSync(all).byteLength)} gzip)`;
}

/** The largest packages in a fresh build of the sources, and what each output file holds. */
async function summary(): Promise<void> {
  const out = join(temp, 'build');
  const { metafile } = await buildActionWithMetafile(out);
  const packages = new Map<string, number>();
  console.log('Fresh build of the sources (esbuild metafile)');
  for (const [file, output] of Object.entries(metafile.outputs).sort((a, b) => b[1].bytes - a[1].bytes)) {
    const held = new Map<string, number>();
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input.split('/').slice(0, 2).join('/');
      held.set(name, (held.get(name) ?? 0) + bytesInOutput);
      packages.set(name, (packages.get(name) ?? 0) + bytesInOutput);
    }
    const top = [...held].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([name, bytes]) => `${name} ${kib(bytes)}`).join(', ');
    console.log(`  ${file.slice(file.lastIndexOf('/') + 1).padEnd(20)} ${kib(output.bytes).padStart(8)}  ${top}`);
  }
  console.log('  top packages (all outputs):');
  for (const [name, bytes] of [...packages].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`    ${name.padEnd(40)} ${kib(bytes).padStart(8)}`);
}

try {
  await summary();
  const cases = nodes.flatMap((node) => bundles.flatMap((bundle) => (Object.keys(MODES) as Mode[]).map((mode) => ({ node, bundle, mode, times: [] as number[] }))));
  for (const { node, bundle, mode } of cases) coldStart(node, bundle, mode); // warm the file-system cache, as a runner's second step would be
  for (let run = 0; run < RUNS; run++) for (const c of cases) c.times.push(coldStart(c.node, c.bundle, c.mode));
  for (const bundle of bundles) console.log(`Action bundle ${bundle}\n  size          ${sizes(bundle)}`);
  console.log(`Cold start over ${RUNS} interleaved runs (workspace mode on examples/action-passing; bad input: fail-on=never)`);
  for (const { node, bundle, mode, times } of cases) {
    const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
    console.log(`  node ${version.padEnd(9)} ${bundle.padEnd(30)} ${mode.padEnd(10)} median ${median(times).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
