import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from './support/run-action.js';

/** A checked-out workspace with one spec holding `count` unresolved clarifications. */
function workspace(count: number): string {
  const root = mkdtempSync(join(tmpdir(), 'specgate-ws-'));
  mkdirSync(join(root, 'docs/specs/001-many'), { recursive: true });
  const lines = Array.from({ length: count }, (_, i) => `- **FR-${String(i + 1).padStart(3, '0')}**: System MUST do [NEEDS CLARIFICATION: question number ${i + 1}?]`);
  writeFileSync(join(root, 'docs/specs/001-many/spec.md'), `# Feature Specification: Many\n\n## Requirements\n\n${lines.join('\n')}\n`);
  return root;
}

describe('the `path` input: gate files in the checked-out workspace', () => {
  it('gates the failing example and fails the job, with paths relative to the workspace', async () => {
    const run = await runAction({ event: 'workflow_dispatch', payload: {}, inputs: { path: 'examples/action-failing' } });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ conclusion: 'failure', findings: '4' });
    expect(run.annotations.filter((a) => a.properties.file).map((a) => `${a.properties.file}:${a.properties.line}`)).toEqual([
      'examples/action-failing/specs/001-export-csv/spec.md:30',
      'examples/action-failing/specs/001-export-csv/spec.md:31',
      'examples/action-failing/specs/001-export-csv/checklists/requirements.md:10',
      'examples/action-failing/specs/001-export-csv/checklists/requirements.md:14',
    ]);
  });

  it('passes the passing example', async () => {
    const run = await runAction({ event: 'push', payload: {}, inputs: { path: 'examples/action-passing' } });
    expect([run.code, run.outputs.conclusion]).toEqual([0, 'success']);
  });

  it('caps annotations at 10 errors per step and counts the rest in the log and the summary', async () => {
    const root = workspace(14);
    const run = await runAction({ event: 'push', payload: {}, inputs: { path: '.' }, env: { GITHUB_WORKSPACE: root } });
    expect(run.code).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error' && a.properties.file);
    expect(errors.map((a) => a.properties.line)).toEqual(['5', '6', '7', '8', '9', '10', '11', '12', '13', '14']);
    const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8')) as { gates: { findings: { severity: string }[] }[] };
    const all = report.gates.flatMap((gate) => gate.findings);
    const hidden = all.filter((f) => f.severity === 'error').length - 10 + Math.max(0, all.filter((f) => f.severity === 'warning').length - 10);
    expect(hidden).toBeGreaterThanOrEqual(4);
    expect(run.stdout).toContain(`${hidden} more finding(s) beyond GitHub's annotation limits`);
    expect(run.stdout).toMatch(/docs\/specs\/001-many\/spec.md:18 {2}error/);
    expect(run.summary).toContain(`${hidden} finding(s) were not shown as annotations`);
  });

  it('rejects a folder outside the workspace and a bad input with one line each', async () => {
    const outside = await runAction({ event: 'push', payload: {}, inputs: { path: '../..' } });
    expect(outside.code).toBe(1);
    expect(outside.stdout).toMatch(/::error::Missing folder `\.\.\/\.\.` in the workspace\. Check out the repository first/);
    const bad = await runAction({ event: 'push', payload: {}, inputs: { path: 'examples/action-passing', 'fail-on': 'notice' } });
    expect(bad.stdout).toMatch(/::error::Unexpected value `notice` for input `fail-on`\. Use one of: `error`, `warning`\./);
  });
});
