/**
 * `npm run bench:study [-- CORPUS [OUT]]`: the reading study. Every repository folder of
 * the corpus (default `../shared/corpus`) is checked as a new user would check it
 * (`specgate check <repo>`, default config), and the run reports
 *
 * - findings and errors in all, findings per document (max, p95),
 * - lines reported by more than one rule (same file, same line, two rule ids),
 * - documents that fold into one `unfilled-template` finding,
 *
 * then draws 200 findings at random with a fixed seed (mulberry32, seed 9) and writes
 * each with the lines around it to `OUT/sample.md` for a reader to judge TRUE or FALSE
 * against the real file. `OUT/findings.json` keeps every finding. The draw depends only
 * on the sorted finding list and the seed, so the same engine gives the same sample.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { check } from '../src/cli/check.js';
import type { Finding } from '../src/engine/index.js';
import { seeded as random } from '../test/support/seeded.js';

const SEED = 9;
const SAMPLE = 200;
const corpus = resolve(process.argv[2] ?? '../shared/corpus');
const out = resolve(process.argv[3] ?? 'bench/out/reading-study');


interface Row extends Finding { repo: string }

const repos = readdirSync(corpus).filter((name) => statSync(join(corpus, name)).isDirectory()).sort();
const rows: Row[] = [];
let documents = 0;
const perDocument = new Map<string, number>();
for (const repo of repos) {
  const { report } = check({ name: 'check', paths: [join(corpus, repo)], format: 'json' }, process.cwd());
  documents += report.documents.length;
  for (const document of report.documents) perDocument.set(`${repo}/${document.path}`, 0);
  for (const gate of report.gates) {
    for (const finding of gate.findings) {
      rows.push({ ...finding, repo });
      const key = `${repo}/${finding.path}`;
      perDocument.set(key, (perDocument.get(key) ?? 0) + 1);
    }
  }
}
rows.sort((a, b) => a.repo.localeCompare(b.repo) || a.path.localeCompare(b.path) || a.line - b.line || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message));

const counts = [...perDocument.values()].sort((a, b) => a - b);
const p95 = counts[Math.min(counts.length - 1, Math.ceil(counts.length * 0.95) - 1)] ?? 0;
const lineRules = new Map<string, Set<string>>();
for (const row of rows) {
  const key = `${row.repo}/${row.path}:${row.line}`;
  const set = lineRules.get(key) ?? new Set<string>();
  set.add(row.rule);
  lineRules.set(key, set);
}
const shared = [...lineRules.values()].filter((set) => set.size > 1).length;
const byRule = new Map<string, number>();
for (const row of rows) byRule.set(row.rule, (byRule.get(row.rule) ?? 0) + 1);

const next = random(SEED);
const pool = [...rows.keys()];
const drawn: number[] = [];
const size = Math.min(SAMPLE, pool.length);
while (drawn.length < size) drawn.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
drawn.sort((a, b) => a - b);

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'findings.json'), `${JSON.stringify(rows, null, 1)}\n`);
const sample = drawn.map((index, n) => {
  const row = rows[index]!;
  let context = '';
  try {
    const lines = readFileSync(join(corpus, row.repo, row.path), 'utf8').split(/\r?\n/);
    const from = Math.max(0, row.line - 3);
    context = lines.slice(from, row.line + 2).map((text, i) => `${from + i + 1 === row.line ? '>' : ' '} ${String(from + i + 1).padStart(4)} | ${text.slice(0, 220)}`).join('\n');
  } catch {
    context = '(file not readable)';
  }
  return `## ${n + 1}. ${row.severity} ${row.rule}\n${row.repo}/${row.path}:${row.line}\n\n${row.message}\n\n\`\`\`\n${context}\n\`\`\`\n`;
});
writeFileSync(join(out, 'sample.md'), sample.join('\n'));
// The verdict table to fill in, one row per drawn finding (see bench/reading-study/README.md).
const table = drawn.map((index, n) => {
  const row = rows[index]!;
  return [n + 1, '', row.rule, row.severity, `${row.repo}/${row.path}:${row.line}`, ''].join('\t');
});
writeFileSync(join(out, 'verdicts.tsv'), `${['n\tverdict\trule\tseverity\tlocation\treason', ...table].join('\n')}\n`);

const errors = rows.filter((row) => row.severity === 'error').length;
console.log(`repositories ${repos.length}, documents ${documents}`);
console.log(`findings ${rows.length}, errors ${errors}, warnings ${rows.filter((row) => row.severity === 'warning').length}, notices ${rows.filter((row) => row.severity === 'notice').length}`);
console.log(`findings per document: max ${counts.at(-1) ?? 0}, p95 ${p95}`);
console.log(`lines reported by more than one rule: ${shared}`);
console.log(`unfilled-template findings: ${byRule.get('unfilled-template') ?? 0}`);
console.log('by rule:');
for (const [rule, count] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`  ${String(count).padStart(5)}  ${rule}`);
console.log(`sample of ${drawn.length} (seed ${SEED}): ${join(out, 'sample.md')} (${drawn.filter((i) => rows[i]!.severity === 'error').length} errors)`);
