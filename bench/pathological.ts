/**
 * `npm run bench:pathological`: the engine on each crafted shape of `SHAPES` at 1 MiB,
 * against an ordinary spec of the same size in the same run (ratio = shape / ordinary).
 * A ratio near or below 1 means the shape costs no more than real text of its size.
 */
import { defaultConfig, evaluate } from '../src/engine/index.js';
import { SHAPES } from './pathological-shapes.js';

const SIZE = 1_048_576;
const ORDINARY_LINE = '- **FR-001**: System MUST let users export the visible report as CSV within 2 seconds.\n';

function time(content: string): number {
  const started = performance.now();
  evaluate({ files: [{ path: 'specs/001-bench/spec.md', content }], config: defaultConfig() });
  return performance.now() - started;
}

const ordinary = `# Feature Specification: Bench\n\n## Requirements\n\n${ORDINARY_LINE.repeat(Math.floor(SIZE / ORDINARY_LINE.length))}`;
time(ordinary); // warm up the parser and the rules
const baseline = time(ordinary);
console.log(`ordinary spec, ${(ordinary.length / 1_048_576).toFixed(2)} MiB: ${baseline.toFixed(0)} ms`);
console.log('| shape | ms | ratio to ordinary |');
console.log('| --- | --- | --- |');
for (const [name, make] of Object.entries(SHAPES)) {
  const ms = time(`# Spec\n\n${make(SIZE)}\n`);
  console.log(`| ${name} | ${ms.toFixed(0)} | ${(ms / baseline).toFixed(2)} |`);
}
