/**
 * `npx tsx bench/reading-study-score.ts VERDICTS.tsv`: the false shares of a judged sample
 * (a verdict table as bench/reading-study/ keeps them: `n verdict rule severity location
 * reason`), in all and among errors, and the FALSE verdicts by rule.
 */
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) throw new Error('usage: npx tsx bench/reading-study-score.ts VERDICTS.tsv');
const rows = readFileSync(file, 'utf8').split('\n').filter((line) => /^\d+\t/.test(line)).map((line) => {
  const [n, verdict, rule, severity, location, reason] = line.split('\t');
  return { n: Number(n), verdict: verdict!.trim(), rule: rule!, severity: severity!, location: location!, reason: reason ?? '' };
});
const unknown = rows.filter((row) => row.verdict !== 'TRUE' && row.verdict !== 'FALSE');
if (unknown.length > 0) throw new Error(`rows without a TRUE/FALSE verdict: ${unknown.map((row) => row.n).join(', ')}`);
const share = (part: number, whole: number): string => `${part}/${whole} (${whole === 0 ? '0.0' : ((100 * part) / whole).toFixed(1)}%)`;
const errors = rows.filter((row) => row.severity === 'error');
console.log(`judged ${rows.length}: false ${share(rows.filter((row) => row.verdict === 'FALSE').length, rows.length)}`);
console.log(`errors ${errors.length}: false ${share(errors.filter((row) => row.verdict === 'FALSE').length, errors.length)}`);
const byRule = new Map<string, number>();
for (const row of rows.filter((r) => r.verdict === 'FALSE')) byRule.set(row.rule, (byRule.get(row.rule) ?? 0) + 1);
for (const [rule, count] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`  FALSE ${String(count).padStart(3)}  ${rule}`);
