import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { runCli } from './support.js';

// A repository written with planted defects of every class the rules know (see
// test/fixtures/defects-repo.expected.txt): the CLI must report each, at its line, and nothing else.
const ROOT = join('test', 'fixtures', 'defects-repo');
const expectedFile = readFileSync(join('test', 'fixtures', 'defects-repo.expected.txt'), 'utf8').split('\n').filter((line) => line !== '' && !line.startsWith('#'));
const planted = expectedFile.filter((line) => !line.startsWith('clean ')).map((line) => line.split(' — ')[0]!).sort();
const clean = expectedFile.filter((line) => line.startsWith('clean ')).map((line) => {
  const [path, text] = line.slice('clean '.length).split(' — ');
  return { path: path!, text: text! };
});

interface JsonFinding { rule: string; path: string; line: number }

describe('the planted-defects repository', () => {
  const result = runCli(['check', ROOT, '--format', 'json'], process.cwd());
  const findings: JsonFinding[] = JSON.parse(result.stdout).gates.flatMap((gate: { findings: JsonFinding[] }) => gate.findings);

  it('plants at least 30 defects and 10 clean lines', () => {
    expect(new Set(planted).size).toBeGreaterThanOrEqual(29);
    expect(planted.length).toBeGreaterThanOrEqual(30);
    expect(clean.length).toBeGreaterThanOrEqual(10);
  });

  it('reports every planted defect at its line, and nothing else', () => {
    expect(result.code).toBe(1);
    expect(findings.map((finding) => `${finding.path}:${finding.line} ${finding.rule}`).sort()).toEqual(planted);
  });

  it.each(clean)('keeps $path clean at "$text"', ({ path, text }) => {
    const lines = readFileSync(join(ROOT, path), 'utf8').split('\n');
    const line = lines.indexOf(text) + 1;
    expect(line).toBeGreaterThan(0);
    expect(findings.filter((finding) => finding.path === path && finding.line === line)).toEqual([]);
  });
});
