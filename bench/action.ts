/**
 * Action figures: bundle size of dist/index.js (raw and gzip) and cold start of
 * `node dist/index.js` gating examples/action-passing in workspace mode (median of runs).
 * Run with `npm run bench:action` (chained from `npm run bench`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';

const RUNS = 15;
const bundle = readFileSync('dist/index.js');
const temp = mkdtempSync(join(tmpdir(), 'specgate-bench-'));

function coldStart(): number {
  writeFileSync(join(temp, 'summary'), '');
  writeFileSync(join(temp, 'output'), '');
  const env = {
    PATH: process.env.PATH ?? '',
    GITHUB_WORKSPACE: process.cwd(),
    GITHUB_STEP_SUMMARY: join(temp, 'summary'),
    GITHUB_OUTPUT: join(temp, 'output'),
    RUNNER_TEMP: temp,
    INPUT_PATH: 'examples/action-passing',
  };
  const start = performance.now();
  execFileSync(process.execPath, ['dist/index.js'], { env, stdio: 'ignore' });
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

try {
  coldStart(); // warm the file-system cache, as a runner's second step would be
  const times = Array.from({ length: RUNS }, coldStart);
  const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
  console.log('Action bundle (dist/index.js)');
  console.log(`  size          ${kib(bundle.byteLength)} (${kib(gzipSync(bundle).byteLength)} gzip)`);
  console.log(`  cold start    median ${median(times).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over ${RUNS} runs`);
  console.log(`  node          ${process.version}, workspace mode on examples/action-passing`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
