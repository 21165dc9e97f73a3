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
        expect(Object.keys(finding)).toEqual(['rule', 'severity', 'path', 'line', 'message']);
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
