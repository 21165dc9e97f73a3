import { describe, expect, it } from '@jest/globals';
import { rules } from '../../src/engine/index.js';
import { BINARY, makeRepo, runCli, STRICT_CONFIG } from './support.js';

const repo = (): string => makeRepo({ '.github/specgate.yml': STRICT_CONFIG, 'specs/001-a/spec.md': BINARY, 'specs/001-a/plan.md': '# Implementation Plan: A\n' });

describe('specgate check --format', () => {
  it('json: exactly one object in the documented shape', () => {
    const result = runCli(['check', '--format', 'json'], repo());
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['conclusion', 'gates', 'documents']);
    expect(report.gates.map((g: { id: string }) => g.id)).toEqual(['clarifications', 'constitution', 'checklists', 'completeness', 'consistency']);
    for (const gate of report.gates) {
      expect(Object.keys(gate)).toEqual(['id', 'conclusion', 'findings']);
      for (const finding of gate.findings) {
        // The shape grows by optional fields only (README "JSON report"): `column` and `fix` when known, `docs` always.
        expect(Object.keys(finding).filter((key) => !['column', 'fix'].includes(key))).toEqual(['rule', 'severity', 'path', 'line', 'message', 'docs']);
        expect(['error', 'warning', 'notice']).toContain(finding.severity);
      }
    }
    expect(report.gates[3].findings[0]).toMatchObject({ rule: 'readable-document', severity: 'error', path: 'specs/001-a/spec.md', line: 1 });
    expect(report.documents).toEqual([{ path: 'specs/001-a/plan.md', kind: 'plan', family: 'generic' }]);
  });

  it('sarif: SARIF 2.1.0 with the registry as driver rules and located results', () => {
    const sarif = JSON.parse(runCli(['check', '--format', 'sarif'], repo()).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('specgate');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(rules.map((r) => r.meta.id).sort());
    for (const rule of run.tool.driver.rules) expect(rule.helpUri).toMatch(/docs\/rules\/.+\.md$/);
    expect(run.results[0]).toMatchObject({
      ruleId: 'readable-document',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'specs/001-a/spec.md' }, region: { startLine: 1 } } }],
    });
    expect(typeof run.results[0].message.text).toBe('string');
  });

  it('markdown: a gates table and the findings', () => {
    const out = runCli(['check', '--format', 'markdown'], repo()).stdout;
    expect(out).toContain('| Gate | Conclusion | Findings |');
    expect(out).toContain('`specs/001-a/spec.md:1`');
  });
});

describe('specgate rules, --help, --version', () => {
  it('lists every registered rule with its gate and severity', () => {
    const result = runCli(['rules'], '/');
    expect(result.code).toBe(0);
    for (const rule of rules) expect(result.stdout).toMatch(new RegExp(`^${rule.meta.id}\\s+${rule.meta.gate}\\s+${rule.meta.severity}\\s`, 'm'));
    expect(JSON.parse(runCli(['rules', '--format', 'json'], '/').stdout)).toHaveLength(rules.length);
  });

  it('prints help and the package version', () => {
    expect(runCli(['--help'], '/').stdout).toContain('specgate check [PATH...]');
    expect(runCli([], '/').stdout).toContain('Exit codes');
    expect(runCli(['--version'], '/').stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('specgate check --format json: the additions', () => {
  // Modelled on the shape of a spec-kit feature with a spec and tasks (corpus: speckit specs/*/spec.md + tasks.md).
  const feature = makeRepo({
    'specs/001-a/spec.md': '# Feature Specification: A\n\n## Requirements\n\n- **FR-001**: System MUST export drafts.\n- **FR-002**: System MUST import drafts.\n\n[NEEDS CLARIFICATION: which format?]\n',
    'specs/001-a/tasks.md': '# Tasks: A\n\n- [ ] T001 Export drafts (FR-001)\n',
  });

  it('a finding carries `fix` (the expected-clause of its message) and `docs`', () => {
    const report = JSON.parse(runCli(['check', '--format', 'json'], feature).stdout);
    const finding = report.gates[0].findings.find((f: { rule: string }) => f.rule === 'no-unresolved-clarifications');
    expect(finding.fix).toBe('an answer recorded under `## Clarifications`');
    expect(finding.message.endsWith(`, expected ${finding.fix}`)).toBe(true);
    expect(finding.docs).toMatch(/docs\/rules\/no-unresolved-clarifications\.md$/);
  });

  it('the coverage table: one row per requirement with how tasks cover it', () => {
    const report = JSON.parse(runCli(['check', '--format', 'json'], feature).stdout);
    expect(report.coverage).toEqual([
      expect.objectContaining({ feature: 'specs/001-a', spec: 'specs/001-a/spec.md', tasks: 'specs/001-a/tasks.md', rows: [
        expect.objectContaining({ id: 'FR-001', via: 'id', tasks: ['T001'] }),
        expect.objectContaining({ id: 'FR-002', via: 'none', tasks: [] }),
      ] }),
    ]);
  });
});
