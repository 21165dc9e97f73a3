import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { evaluate, parseConfig, rules } from '../src/engine/index.js';
import { readFixtures } from './support/fixtures.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'rules');
const README = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');

// Rules whose findings the engine reports itself, outside any parsed document.
const ENGINE_REPORTED = new Set(['readable-document']);

describe.each(rules.map((rule) => [rule.meta.id, rule] as const))('rule %s', (id, rule) => {
  const dir = join(FIXTURES, id);
  const fixtures = existsSync(dir) ? readFixtures(dir) : [];

  it('has a passing and a failing fixture', () => {
    if (ENGINE_REPORTED.has(id)) return;
    expect(fixtures.some((f) => f.expectation === 'pass')).toBe(true);
    expect(fixtures.some((f) => f.expectation === 'fail')).toBe(true);
  });

  it('has a docs page and a row in the README rules table', () => {
    expect(existsSync(join(import.meta.dirname, '..', 'docs', 'rules', `${id}.md`))).toBe(true);
    expect(README).toContain(`| [\`${id}\`](docs/rules/${id}.md) | ${rule.meta.gate} | ${rule.meta.severity} |`);
  });

  for (const fixture of fixtures) it(`fixture ${fixture.name}`, () => {
    const parsed = parseConfig(fixture.config);
    if (!parsed.ok) throw new Error(`fixture config invalid: ${JSON.stringify(parsed.errors)}`);
    const report = evaluate({ files: fixture.files, config: parsed.config, rules: [rule], ...(fixture.tree ? { tree: fixture.tree } : {}), ...(fixture.base ? { base: fixture.base } : {}) });
    const actual = report.gates
      .flatMap((gate) => gate.findings)
      .filter((finding) => finding.rule === id)
      .map((finding) => `${finding.path}:${finding.line} ${finding.rule}`)
      .sort();
    expect(actual).toEqual(fixture.expected);
    if (fixture.expectation === 'fail') expect(actual.length).toBeGreaterThan(0);
  });
});
