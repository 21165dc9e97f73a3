/**
 * `npm run bench [-- FOLDER]`: the whole engine against a bare remark parse of the same
 * markdown files (default folder: examples/), at 1×, 2× and 4× the input. The ratio says
 * what the rules cost on top of parsing; the growth column says whether cost stays linear.
 * Figures are medians of a few runs after a warm-up, all in this one process.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { defaultConfig, evaluate, isGated, type SourceFile } from '../src/engine/index.js';
import { markdownPaths } from '../test/support/markdown-files.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const folder = process.argv[2] ?? 'examples';
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);
// Every markdown file of the folder is a document: corpus folders are not rooted at `specs/`.
const config = { ...defaultConfig(), roots: ['.'] };

function listMarkdown(root: string): SourceFile[] {
  return markdownPaths(root).map((path) => ({ path, content: new Uint8Array(readFileSync(join(root, path))) })).sort((a, b) => a.path.localeCompare(b.path));
}

/** The input repeated `times` times under fresh top-level folders, so no two paths collide. */
function scale(files: readonly SourceFile[], times: number): SourceFile[] {
  return Array.from({ length: times }, (_, copy) => files.map((file) => ({ ...file, path: copy === 0 ? file.path : `copy-${copy}/${file.path}` }))).flat();
}

function median(task: () => void): number {
  const times = Array.from({ length: RUNS }, () => {
    const start = performance.now();
    task();
    return performance.now() - start;
  });
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

const decoder = new TextDecoder();
const parseOnly = (files: readonly SourceFile[]) => (): void => {
  for (const file of files) processor.parse(typeof file.content === 'string' ? file.content : decoder.decode(file.content));
};
const engine = (files: readonly SourceFile[]) => (): void => {
  evaluate({ files, config });
};

// Both sides get exactly the files the engine gates (templates and agent folders are excluded).
const base = listMarkdown(folder).filter((file) => isGated(file.path, config));
const bytes = base.reduce((sum, file) => sum + (typeof file.content === 'string' ? file.content.length : file.content.byteLength), 0);
console.log(`specgate bench: ${folder} (${base.length} markdown files), median of ${RUNS} runs after a warm-up\n`);
parseOnly(base)();
engine(base)();

console.log('scale  files      MB   remark ms   engine ms   ratio   engine growth');
let first = 0;
for (const times of [1, 2, 4]) {
  const files = scale(base, times);
  const remarkMs = median(parseOnly(files));
  const engineMs = median(engine(files));
  if (times === 1) first = engineMs;
  const row = [
    `${times}×`.padEnd(5),
    String(files.length).padStart(6),
    ((bytes * times) / 1_048_576).toFixed(2).padStart(7),
    remarkMs.toFixed(0).padStart(11),
    engineMs.toFixed(0).padStart(11),
    (engineMs / remarkMs).toFixed(2).padStart(7),
    `${(engineMs / first).toFixed(2)}× (ideal ${times}×)`.padStart(15),
  ];
  console.log(row.join(' '));
}
