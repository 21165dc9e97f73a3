import { afterEach, expect, test } from '@jest/globals';
import { appOctokit } from '../../src/app/octokit.js';
import type { Report } from '../../src/engine/index.js';
import { timedFetch } from '../../src/github/flows/index.js';
import {
  CHECK_NAME, listCheckRuns, markerKey, publishChecks, startCheck, syncClarificationIssues, type ClarificationMarker, type GitHubClient,
} from '../../src/github/index.js';
import { useStandIn } from '../support/github-standin/use-stand-in.js';
import { BOT, INSTALLATION_TOKEN } from '../support/github-standin/state.js';

// GitHub sometimes applies a write and still answers 500, or the answer is lost on the way
// (a timeout): a create retried blindly (Octokit's retry plugin retries a POST on 5xx) is a
// second check run or a second issue. Here the App's own Octokit (retries on, short delays).
const standIn = useStandIn({ resetRequests: true });
const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
afterEach(() => {
  standIn.faults.length = 0;
});

/** Lets a request matching `lose` reach GitHub, then throws its answer away as a timeout would (`times` requests). */
function losingFetch(lose: { method: string; path: RegExp; times: number }, timeoutMs = 2_000): typeof fetch {
  const timed = timedFetch(timeoutMs);
  return async (input, init) => {
    const response = await timed(input, init);
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (lose.times > 0 && (init?.method ?? 'GET') === lose.method && lose.path.test(url.pathname)) {
      lose.times -= 1;
      throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    }
    return response;
  };
}

function client(fetch: typeof globalThis.fetch = timedFetch(2_000)): GitHubClient {
  const Octokit = appOctokit({ retry: { retryAfterBaseValue: 1 }, throttle: { enabled: false } });
  return new Octokit({ auth: { token: INSTALLATION_TOKEN }, baseUrl: standIn.url, log: silent, request: { fetch } }) as unknown as GitHubClient;
}

let repos = 0;
function target(octokit: GitHubClient): { octokit: GitHubClient; owner: string; repo: string; headSha: string; repoState: ReturnType<typeof standIn.state.addRepo> } {
  repos += 1;
  const repoState = standIn.state.addRepo('acme', `idem-${repos}`, {});
  return { octokit, owner: 'acme', repo: repoState.name, headSha: repos.toString(16).padStart(40, 'c'), repoState };
}

const REPORT: Report = {
  conclusion: 'failure',
  documents: [{ path: 'specs/001-x/spec.md', kind: 'spec', family: 'speckit-gen2' }],
  gates: [
    { id: 'clarifications', conclusion: 'failure', findings: [{ rule: 'no-unresolved-clarifications', gate: 'clarifications', severity: 'error', path: 'specs/001-x/spec.md', line: 3, message: 'Unexpected open clarification, expected an answer', docs: 'https://example.test/rule.md' }] },
    { id: 'constitution', conclusion: 'success', findings: [] },
    { id: 'checklists', conclusion: 'success', findings: [] },
    { id: 'completeness', conclusion: 'success', findings: [] },
    { id: 'consistency', conclusion: 'success', findings: [] },
  ],
};
const NAMES = ['specgate', 'specgate / checklists', 'specgate / clarifications', 'specgate / completeness', 'specgate / consistency', 'specgate / constitution'];

const creates = (path: RegExp): number => standIn.requests.filter((r) => r.method === 'POST' && path.test(r.path)).length;
const runNames = (t: ReturnType<typeof target>): string[] => t.repoState.checkRunsFor(t.headSha).map((run) => run.name).sort();

test('check runs: every create applied but answered 500 still leaves exactly one run of each name, each concluded', async () => {
  const t = target(client());
  standIn.faults.push({ method: 'POST', path: /\/check-runs$/, applied: true, times: Infinity });
  const result = await publishChecks({ ...t, outcome: { kind: 'report', report: REPORT } });
  expect(runNames(t)).toEqual(NAMES);
  expect(t.repoState.checkRunsFor(t.headSha).map((run) => run.status)).toEqual(Array(6).fill('completed'));
  expect(t.repoState.checkRunsFor(t.headSha, 'specgate / clarifications')[0]!.annotations).toHaveLength(1);
  // One attempt per run: found by name and SHA after the failed answer, never posted again.
  expect(creates(/\/check-runs$/)).toBe(6);
  expect(result.written).toBe(6);
});

test('check runs: the aggregate started in progress, applied but answered 502 once, is one run', async () => {
  const t = target(client());
  standIn.faults.push({ method: 'POST', path: /\/check-runs$/, applied: true, status: 502 });
  const existing = await listCheckRuns(t);
  const id = await startCheck({ ...t, existing });
  expect(t.repoState.checkRunsFor(t.headSha, CHECK_NAME).map((run) => [run.id, run.status])).toEqual([[id, 'in_progress']]);
  await publishChecks({ ...t, existing, outcome: { kind: 'no-documents' } });
  expect(t.repoState.checkRunsFor(t.headSha, CHECK_NAME).map((run) => run.conclusion)).toEqual(['neutral']);
});

test('check runs: a create whose answer is lost (a timeout after GitHub applied it) is one run', async () => {
  const t = target(client(losingFetch({ method: 'POST', path: /\/check-runs$/, times: 3 })));
  await publishChecks({ ...t, outcome: { kind: 'report', report: REPORT } });
  expect(runNames(t)).toEqual(NAMES);
  expect(creates(/\/check-runs$/)).toBe(6);
});

test('check runs: a create that timed out before GitHub applied it is created again after the look-up finds nothing', async () => {
  const t = target(client(timedFetch(300)));
  standIn.faults.push({ method: 'POST', path: /\/check-runs$/, timeout: true });
  await publishChecks({ ...t, outcome: { kind: 'no-documents' } });
  expect(runNames(t)).toEqual(['specgate']);
  expect(creates(/\/check-runs$/)).toBe(2);
});

test('check runs: a create that keeps failing is tried a bounded number of times, then the error surfaces', async () => {
  const t = target(client());
  standIn.faults.push({ method: 'POST', path: /\/check-runs$/, status: 502, times: Infinity });
  await expect(publishChecks({ ...t, outcome: { kind: 'no-documents' } })).rejects.toMatchObject({ status: 502 });
  expect(runNames(t)).toEqual([]);
  expect(creates(/\/check-runs$/)).toBe(3);
});

test('check runs: an update carrying annotations, applied but answered 500, does not append them twice', async () => {
  const t = target(client());
  // 70 annotations: created with 50, then one update with 20, and that one answered 500 after it landed.
  const findings = Array.from({ length: 70 }, (_, i) => ({ ...REPORT.gates[0]!.findings[0]!, line: i + 1 }));
  const report: Report = { ...REPORT, gates: [{ ...REPORT.gates[0]!, findings }, ...REPORT.gates.slice(1)] };
  standIn.faults.push({ method: 'PATCH', path: /\/check-runs\/\d+$/, applied: true });
  await publishChecks({ ...t, outcome: { kind: 'report', report } });
  const runs = t.repoState.checkRunsFor(t.headSha, 'specgate / clarifications');
  expect(runs).toHaveLength(1);
  expect(runs[0]!.annotations).toHaveLength(70);
});

const SPEC = 'specs/001-x/spec.md';
function marker(line: number, question: string): ClarificationMarker {
  return { path: SPEC, feature: 'specs/001-x', line, question, key: markerKey(SPEC, question) };
}
const MARKERS = [marker(3, 'Which identity providers?'), marker(9, 'How many failed attempts?')];

function sync(t: ReturnType<typeof target>): ReturnType<typeof syncClarificationIssues> {
  return syncClarificationIssues({
    octokit: t.octokit, owner: t.owner, repo: t.repo, pull: { number: 1, headSha: t.headSha }, markers: MARKERS, checkedPaths: new Set([SPEC]),
    settings: { mode: 'on-open', maxPerPr: 10, labels: ['specgate'], delayMs: 0 }, allowCreate: true, botLogin: BOT.login,
  });
}

test('issues: every create applied but answered 500 still opens exactly one issue per clarification', async () => {
  const t = target(client());
  standIn.faults.push({ method: 'POST', path: /\/issues$/, applied: true, times: Infinity });
  const result = await sync(t);
  expect(t.repoState.realIssues().map((issue) => [issue.number, issue.state])).toEqual([[1, 'open'], [2, 'open']]);
  expect(result.created).toEqual([1, 2]);
  expect(creates(/\/issues$/)).toBe(2);
  // A second gating finds both by their hidden markers and writes nothing.
  const again = await sync(t);
  expect(again).toMatchObject({ created: [], updated: [], closed: [] });
  expect(t.repoState.realIssues()).toHaveLength(2);
});

test('issues: a create whose answer is lost (a timeout after GitHub applied it) opens one issue', async () => {
  const t = target(client(losingFetch({ method: 'POST', path: /\/issues$/, times: 1 })));
  const result = await sync(t);
  expect(t.repoState.realIssues().map((issue) => issue.state)).toEqual(['open', 'open']);
  expect(result.created).toEqual([1, 2]);
  expect(creates(/\/issues$/)).toBe(2);
});

test('issues: a create that timed out before GitHub applied it is made again after the look-up', async () => {
  const t = target(client(timedFetch(300)));
  standIn.faults.push({ method: 'POST', path: /\/issues$/, timeout: true });
  await sync(t);
  expect(t.repoState.realIssues().map((issue) => issue.state)).toEqual(['open', 'open']);
  expect(creates(/\/issues$/)).toBe(3);
});

test('issues: the comment closing a resolved clarification, applied but answered 500, is posted once', async () => {
  const t = target(client());
  await sync(t);
  standIn.faults.push({ method: 'POST', path: /\/issues\/\d+\/comments$/, applied: true, times: Infinity });
  const result = await syncClarificationIssues({
    octokit: t.octokit, owner: t.owner, repo: t.repo, pull: { number: 1, headSha: t.headSha }, markers: [], checkedPaths: new Set([SPEC]),
    settings: { mode: 'on-open', maxPerPr: 10, labels: ['specgate'], delayMs: 0 }, allowCreate: true, botLogin: BOT.login,
  });
  expect(result.closed.sort()).toEqual([1, 2]);
  expect(t.repoState.comments.map((comment) => comment.issue_number).sort()).toEqual([1, 2]);
});
