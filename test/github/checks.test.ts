import { expect, test } from '@jest/globals';
import type { Finding, Report } from '../../src/engine/index.js';
import { CHECK_NAME, SUMMARY_LIMIT, planChecks, publishChecks } from '../../src/github/index.js';
import { useStandIn } from '../support/github-standin/use-stand-in.js';
import { octokitFor } from './octokit.js';

const standIn = useStandIn();

function finding(i: number, message = `Unexpected marker number \`${i}\``): Finding {
  return { rule: 'no-unresolved-clarifications', gate: 'clarifications', severity: 'error', path: 'specs/001-x/spec.md', line: i + 1, message, docs: 'https://example.test/rule.md' };
}

function report(findings: Finding[]): Report {
  return {
    conclusion: findings.length > 0 ? 'failure' : 'success',
    documents: [{ path: 'specs/001-x/spec.md', kind: 'spec', family: 'speckit-gen2' }],
    gates: [
      { id: 'clarifications', conclusion: findings.length > 0 ? 'failure' : 'success', findings },
      { id: 'constitution', conclusion: 'success', findings: [] },
      { id: 'checklists', conclusion: 'success', findings: [] },
      { id: 'completeness', conclusion: 'success', findings: [] },
      { id: 'consistency', conclusion: 'success', findings: [] },
    ],
  };
}

test('120 annotations go out in batches of 50; a second publish with the same result writes nothing', async () => {
  const repo = standIn.state.addRepo('acme', 'checks', {});
  const target = { octokit: octokitFor(standIn), owner: 'acme', repo: 'checks', headSha: 'a'.repeat(40) };
  const outcome = { kind: 'report' as const, report: report(Array.from({ length: 120 }, (_, i) => finding(i))) };
  const first = await publishChecks({ ...target, outcome });
  const gate = repo.checkRunsFor(target.headSha, 'specgate / clarifications')[0]!;
  expect(gate.annotations).toHaveLength(120);
  expect(gate.updates).toBe(2); // created with 50, then two more batches
  expect(first.written).toBe(6 + 2);
  const writes = standIn.requests.filter((r) => r.write).length;
  const second = await publishChecks({ ...target, outcome });
  expect(second).toEqual({ written: 0, unchanged: 6 });
  expect(standIn.requests.filter((r) => r.write).length).toBe(writes);
  expect(repo.checkRunsFor(target.headSha)).toHaveLength(6);
  expect(standIn.problems).toEqual([]);
});

test('an existing run is updated in place, never duplicated, when its result changes', async () => {
  const repo = standIn.state.addRepo('acme', 'update', {});
  const target = { octokit: octokitFor(standIn), owner: 'acme', repo: 'update', headSha: 'b'.repeat(40) };
  await publishChecks({ ...target, outcome: { kind: 'no-documents' } });
  await publishChecks({ ...target, outcome: { kind: 'error', reason: 'boom' } });
  expect(repo.checkRunsFor(target.headSha, CHECK_NAME)).toHaveLength(1);
  expect(repo.checkRunsFor(target.headSha, CHECK_NAME)[0]).toMatchObject({ conclusion: 'failure', output: expect.objectContaining({ title: 'specgate could not finish' }) });
});

test('summaries stay under 65,535 characters with a "more" note, and buttons keep GitHub limits', () => {
  // One document each, so that no two findings share one summary entry.
  const long = Array.from({ length: 3_000 }, (_, i) => ({ ...finding(i, `Unexpected marker \`${'x'.repeat(100)}\` number ${i}`), path: `specs/${i}-x/spec.md` }));
  const plans = planChecks({ kind: 'report', report: report(long), clarify: true });
  for (const plan of plans) {
    expect(plan.summary.length).toBeLessThan(SUMMARY_LIMIT);
    expect(plan.actions.length).toBeLessThanOrEqual(3);
    for (const action of plan.actions) {
      expect(action.label.length).toBeLessThanOrEqual(20);
      expect(action.identifier.length).toBeLessThanOrEqual(20);
      expect(action.description.length).toBeLessThanOrEqual(40);
    }
  }
  expect(plans[0]!.summary).toMatch(/… \d+ more findings/);
});

test('gate runs from an earlier result are neutralised, not left stale, when the gates no longer run', async () => {
  const repo = standIn.state.addRepo('acme', 'idle', {});
  const target = { octokit: octokitFor(standIn), owner: 'acme', repo: 'idle', headSha: 'c'.repeat(40) };
  await publishChecks({ ...target, outcome: { kind: 'report', report: report([finding(1)]) } });
  await publishChecks({ ...target, outcome: { kind: 'invalid-config', errors: [{ path: 'fail-on', message: 'Invalid option', fix: 'Use `error`.' }] } });
  const runs = repo.checkRunsFor(target.headSha);
  expect(runs).toHaveLength(6);
  expect(runs.find((run) => run.name === 'specgate / clarifications')).toMatchObject({ conclusion: 'neutral', output: expect.objectContaining({ title: 'Not run: Invalid configuration' }) });
  expect(runs.find((run) => run.name === CHECK_NAME)).toMatchObject({ conclusion: 'failure' });
});

test('a changed result on the same commit updates the run and adds only the annotations it lacks', async () => {
  const repo = standIn.state.addRepo('acme', 'changed', {});
  const target = { octokit: octokitFor(standIn), owner: 'acme', repo: 'changed', headSha: 'd'.repeat(40) };
  await publishChecks({ ...target, outcome: { kind: 'report', report: report([finding(1), finding(2)]) } });
  await publishChecks({ ...target, outcome: { kind: 'report', report: report([finding(2), finding(3)]) } });
  const runs = repo.checkRunsFor(target.headSha, 'specgate / clarifications');
  expect(runs).toHaveLength(1);
  expect(runs[0]!.annotations.map((a) => a['start_line'])).toEqual([2, 3, 4]);
  // One summary entry for the rule in the document, with both lines.
  expect(runs[0]!.output.summary).toContain('number `2` (2 findings, lines 3, 4)');
  expect(runs[0]!.output.summary).not.toContain('number `1`');
});

test("each gate's run counts the documents the run checked, as the aggregate run does", () => {
  const plans = planChecks({ kind: 'report', report: report([finding(1)]) });
  const gates = plans.filter((plan) => plan.name !== CHECK_NAME);
  expect(gates).toHaveLength(5);
  for (const plan of gates) expect(plan.summary).toContain('1 document checked.');
});
