import { describe, expect, it } from '@jest/globals';
import { runCli } from './support.js';

interface JsonFinding { rule: string; path: string; line: number; severity: string }

describe('the bundled example repository', () => {
  const result = runCli(['check', 'examples/spec-kit-repo', '--format', 'json'], process.cwd());
  const report = JSON.parse(result.stdout);
  const findings: JsonFinding[] = report.gates.flatMap((gate: { findings: JsonFinding[] }) => gate.findings);

  it('fails on its two planted defects, in the clarifications and checklists gates', () => {
    expect(result.code).toBe(1);
    const failed = report.gates.filter((gate: { conclusion: string }) => gate.conclusion === 'failure').map((gate: { id: string }) => gate.id);
    expect(failed).toEqual(['clarifications', 'checklists']);
    const errors = findings.filter((finding) => finding.severity === 'error').map(({ rule, path, line }) => `${path}:${line} ${rule}`);
    expect(errors).toEqual([
      'specs/001-offline-drafts/spec.md:54 no-unresolved-clarifications',
      'specs/001-offline-drafts/checklists/requirements.md:15 gate-checklists-complete',
    ]);
  });

  it('reports nothing on the complete feature and the constitution', () => {
    expect(findings.filter((finding) => !finding.path.startsWith('specs/001-offline-drafts/'))).toEqual([]);
    expect(report.documents.map((document: { path: string }) => document.path)).toContain('.specify/memory/constitution.md');
  });
});
