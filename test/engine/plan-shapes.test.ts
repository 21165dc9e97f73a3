import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { defaultConfig, evaluate, type Report } from '../../src/engine/index.js';

const PLANS = join(import.meta.dirname, '..', 'fixtures', 'plans');

function check(name: string): Report {
  const content = readFileSync(join(PLANS, `${name}.md`), 'utf8');
  return evaluate({ files: [{ path: `plans/${name}/plan.md`, content }], config: defaultConfig() });
}

function failing(report: Report): Array<{ gate: string; rule: string; line: number }> {
  return report.gates.flatMap((gate) =>
    gate.findings.filter((f) => f.severity === 'error').map((f) => ({ gate: gate.id, rule: f.rule, line: f.line })),
  );
}

describe.each([
  ['phased-plan', [16, 68, 93]],
  ['milestone-plan', [51, 100]],
] as const)('%s shape', (family, openLines) => {
  it('is recognised as its family', () => {
    expect(check(`${family}-review`).documents[0]?.family).toBe(family);
  });

  it('passes every gate while under review, open boxes and all', () => {
    const report = check(`${family}-review`);
    expect(failing(report)).toEqual([]);
    expect(report.gates.map((g) => g.conclusion)).not.toContain('failure');
  });

  it('fails only the checklists gate, at each open box, once it declares itself complete', () => {
    const report = check(`${family}-complete`);
    expect(report.conclusion).toBe('failure');
    expect(failing(report)).toEqual(openLines.map((line) => ({ gate: 'checklists', rule: 'completed-plan-boxes-checked', line })));
  });

  it('passes again once every box of the complete plan is checked', () => {
    const content = readFileSync(join(PLANS, `${family}-complete.md`), 'utf8').replace(/- \[ \]/g, '- [x]');
    const report = evaluate({ files: [{ path: `plans/${family}/plan.md`, content }], config: defaultConfig() });
    expect(failing(report)).toEqual([]);
  });
});
