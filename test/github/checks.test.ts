import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Finding, Report } from '../../src/engine/index.js';
import { CHECK_NAME, SUMMARY_LIMIT, planChecks, publishChecks } from '../../src/github/index.js';
import { start, type StandIn } from '../support/github-standin/index.js';
import { octokitFor } from './octokit.js';

let standIn: StandIn;
beforeAll(async () => {
  standIn = await start();
});
afterAll(async () => standIn.close());

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
  const long = Array.from({ length: 3_000 }, (_, i) => finding(i, `Unexpected marker \`${'x'.repeat(100)}\` number ${i}`));
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
