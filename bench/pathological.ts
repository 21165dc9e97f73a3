/**
 * `npm run bench:pathological`: the engine on each crafted shape of `SHAPES` at 1 MiB,
 * against an ordinary spec of the same size in the same run (ratio = shape / ordinary),
 * and whether the parse guard sent it to the parser or to the line scan. A 1 MiB spec is
 * itself over the parse budget, so the bench also times the largest ordinary spec the
 * guard still parses: the slowest an accepted document can be. Medians of three runs.
 */
import { readFileSync } from 'node:fs';
import { defaultConfig, evaluate } from '../src/engine/index.js';
import { findPathology } from '../src/engine/markdown/guard.js';
import { SHAPES } from './pathological-shapes.js';

const SIZE = 1_048_576;
const SPEC = readFileSync('examples/action-failing/specs/001-export-csv/spec.md', 'utf8');
const config = { ...defaultConfig(), 'max-file-size': 2 * SIZE };

function time(content: string): number {
  const runs = [0, 1, 2].map(() => {
    const started = performance.now();
    evaluate({ files: [{ path: 'specs/001-bench/spec.md', content }], config });
    return performance.now() - started;
  });
  return runs.sort((a, b) => a - b)[1]!;
}

const ordinaryOf = (size: number): string => SPEC.repeat(Math.ceil(size / SPEC.length)).slice(0, size);
const route = (text: string): string => (findPathology(text) ? 'scanned' : 'parsed');

/** The largest prefix of repeated specs the guard still parses, to the nearest 1%. */
function largestParsed(): string {
  let low = SPEC.length;
  let high = SIZE;
  while (high - low > low / 100) {
    const middle = Math.floor((low + high) / 2);
    if (findPathology(ordinaryOf(middle))) high = middle;
    else low = middle;
  }
  return ordinaryOf(low);
}

const ordinary = ordinaryOf(SIZE);
time(ordinary); // warm up the parser and the rules
const baseline = time(ordinary);
const accepted = largestParsed();
console.log(`ordinary spec, 1 MiB (${route(ordinary)}): ${baseline.toFixed(0)} ms`);
console.log(`largest ordinary spec still parsed, ${(accepted.length / 1024).toFixed(0)} KiB: ${time(accepted).toFixed(0)} ms\n`);
console.log('| shape (1 MiB) | route | ms | ratio to ordinary |');
console.log('| --- | --- | --- | --- |');
for (const [name, make] of Object.entries(SHAPES)) {
  const text = `# Spec\n\n${make(SIZE)}\n`;
  const ms = time(text);
  console.log(`| ${name} | ${route(text)} | ${ms.toFixed(0)} | ${(ms / baseline).toFixed(2)} |`);
}
