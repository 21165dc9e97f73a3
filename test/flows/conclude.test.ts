import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { gateMergeGroup, gateOpenPullRequests, gatePullRequest, sweepStaleRuns, STALE_REASON, type FlowPort, type GitHubClient } from '../../src/github/flows/index.js';
import { describeFailure } from '../../src/github/flows/conclude.js';
import { createEvaluator, type Evaluator } from '../../src/github/flows/evaluate-pool.js';
import { CONFIG, CONSTITUTION, SPEC_WITH_MARKERS } from '../app/fixtures.js';
import type { Repo } from '../support/github-standin/index.js';
import { useStandIn } from '../support/github-standin/use-stand-in.js';
import { appPortFor } from './ports.js';

// The use cases conclude `specgate` whatever GitHub does, and open it as early as the
// opt-in rule allows; the App's port here has no retries, so one injected fault is "for good".
const standIn = useStandIn({ resetRequests: true });
let evaluator: Evaluator;
beforeAll(() => {
  evaluator = createEvaluator({ timeoutMs: 60_000 });
});
afterAll(() => evaluator.close());

let repos = 0;
function seed(files: Record<string, string> = { '.github/specgate.yml': CONFIG, '.specify/memory/constitution.md': CONSTITUTION }, changed: Record<string, string> = { 'specs/001-login/spec.md': SPEC_WITH_MARKERS }) {
  repos += 1;
  const repo = standIn.state.addRepo('acme', `conclude-${repos}`, files);
  repo.commit('001-login', changed);
  return { repo, pull: repo.openPull('001-login') };
}

/** The App's port for `repo`, with `wrap` around its client (to hold or watch a request) and a deadline. */
function portFor(repo: Repo, options: { deadlineMs?: number; wrap?: (octokit: GitHubClient) => GitHubClient } = {}): FlowPort {
  const port = appPortFor(standIn, repo, evaluator);
  return { ...port, octokit: options.wrap ? options.wrap(port.octokit) : port.octokit, ...(options.deadlineMs ? { deadlineMs: options.deadlineMs } : {}) };
}

const until = async (done: () => boolean, ms = 3_000): Promise<boolean> => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((resolve) => setTimeout(resolve, 10))) if (done()) return true;
  return done();
};

describe('the order of a gating', () => {
  test('with a config, specgate is in progress on the payload head before the files of the pull request have arrived', async () => {
    const { repo, pull } = seed();
    let seenInProgress: boolean | undefined;
    const wrap = (octokit: GitHubClient): GitHubClient => ({
      graphql: (query, variables) => octokit.graphql(query, variables),
      request: async (route, parameters) => {
        if (route.endsWith('/pulls/{pull_number}/files')) seenInProgress = await until(() => repo.checkRunsFor(pull.headSha, 'specgate')[0]?.status === 'in_progress');
        return octokit.request(route, parameters);
      },
    });
    const result = await gatePullRequest(portFor(repo, { wrap }), { owner: repo.owner, repo: repo.name, number: pull.number, headSha: pull.headSha });
    expect(seenInProgress).toBe(true);
    expect(result.kind).toBe('gated');
    expect(repo.checkRunsFor(pull.headSha, 'specgate')).toEqual([expect.objectContaining({ status: 'completed', conclusion: 'failure' })]);
  });

  test('a repository that never opted in (no config, no spec folder, no spec document changed) stays silent: nothing written', async () => {
    const { repo, pull } = seed({ 'README.md': '# Product\n' }, { 'src/index.ts': 'export {};\n' });
    const result = await gatePullRequest(portFor(repo), { owner: repo.owner, repo: repo.name, number: pull.number, headSha: pull.headSha });
    expect(result.kind).toBe('silent');
    expect(standIn.requests.filter((request) => request.write)).toEqual([]);
    expect(repo.checkRuns).toEqual([]);
  });

  test('a read failing for good before the opt-in rule could be applied concludes specgate failed (a required check never left waiting)', async () => {
    const { repo, pull } = seed({ 'README.md': '# Product\n' }, { 'src/index.ts': 'export {};\n' });
    standIn.faults.push({ method: 'GET', path: /\/pulls\/\d+\/files$/, status: 503 });
    const result = await gatePullRequest(portFor(repo), { owner: repo.owner, repo: repo.name, number: pull.number, headSha: pull.headSha });
    expect(result).toMatchObject({ kind: 'failed', reason: 'GitHub answered 503 reading the files of the pull request; Re-run to try again' });
    expect(repo.checkRunsFor(pull.headSha, 'specgate')).toEqual([expect.objectContaining({ status: 'completed', conclusion: 'failure' })]);
  });

  test('the pull request read failing for good: specgate on the payload head, failed with the reason', async () => {
    const { repo, pull } = seed();
    standIn.faults.push({ method: 'GET', path: /\/pulls\/\d+$/, status: 502 });
    const result = await gatePullRequest(portFor(repo), { owner: repo.owner, repo: repo.name, number: pull.number, headSha: pull.headSha });
    expect(result).toMatchObject({ kind: 'failed', reason: 'GitHub answered 502 reading the pull request; Re-run to try again' });
    const [run] = repo.checkRunsFor(pull.headSha, 'specgate');
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(run!.output.summary).toContain('GitHub answered 502 reading the pull request; Re-run to try again');
    expect(repo.realIssues()).toEqual([]);
  });

  test('a merge group whose changes cannot be read: specgate on the group head, failed with the reason', async () => {
    const { repo, pull } = seed();
    standIn.faults.push({ method: 'GET', path: /\/compare\//, status: 500 });
    const result = await gateMergeGroup(portFor(repo), { owner: repo.owner, repo: repo.name, headSha: pull.headSha, baseSha: pull.baseSha });
    expect(result).toMatchObject({ kind: 'failed', reason: 'GitHub answered 500 comparing the merge group with its base; Re-run to try again' });
    expect(repo.checkRunsFor(pull.headSha, 'specgate')).toEqual([expect.objectContaining({ status: 'completed', conclusion: 'failure' })]);
  });
});

describe('a re-run whose pull requests cannot be listed', () => {
  test('a commit that carries specgate runs: specgate concluded failed with the reason', async () => {
    const { repo, pull } = seed();
    await gatePullRequest(portFor(repo), { owner: repo.owner, repo: repo.name, number: pull.number, headSha: pull.headSha });
    standIn.faults.push({ method: 'GET', path: /\/pulls$/, status: 502 });
    const results = await gateOpenPullRequests(portFor(repo), { owner: repo.owner, repo: repo.name, sha: pull.headSha, numbers: [] });
    expect(results).toEqual([expect.objectContaining({ kind: 'failed', reason: 'GitHub answered 502 listing the pull requests of the commit; Re-run to try again' })]);
    expect(repo.checkRunsFor(pull.headSha, 'specgate')).toEqual([expect.objectContaining({ status: 'completed', conclusion: 'failure' })]);
  });

  test('a commit without specgate runs stays silent', async () => {
    const { repo, pull } = seed();
    standIn.faults.push({ method: 'GET', path: /\/pulls$/, status: 502 });
    const results = await gateOpenPullRequests(portFor(repo), { owner: repo.owner, repo: repo.name, sha: pull.headSha, numbers: [] });
    expect(results).toEqual([{ kind: 'silent', headSha: pull.headSha }]);
    expect(repo.checkRuns).toEqual([]);
  });
});

describe('the deadline', () => {
  test('a request that never answers: at the deadline specgate is concluded through a fresh request, and the abandoned work writes nothing after', async () => {
    const { repo, pull } = seed();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const wrap = (octokit: GitHubClient): GitHubClient => ({
      request: (route, parameters) => octokit.request(route, parameters),
      graphql: async (query, variables) => {
        await held;
        return octokit.graphql(query, variables);
      },
    });
    const started = Date.now();
    const result = await gatePullRequest(portFor(repo, { wrap, deadlineMs: 400 }), { owner: repo.owner, repo: repo.name, number: pull.number, headSha: pull.headSha });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result).toMatchObject({ kind: 'failed', reason: 'specgate did not finish within 0.4 s: GitHub had not answered reading the documents; Re-run to try again' });
    expect(repo.checkRunsFor(pull.headSha, 'specgate')).toEqual([expect.objectContaining({ status: 'completed', conclusion: 'failure' })]);
    const writes = standIn.requests.filter((request) => request.write).length;
    release();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(standIn.requests.filter((request) => request.write)).toHaveLength(writes);
    expect(repo.realIssues()).toEqual([]);
  });
});

describe('sweeping runs left in progress', () => {
  function leftBehind(repo: Repo, headSha: string, minutes: number): number {
    const id = repo.nextId();
    repo.checkRuns.push({
      id, name: 'specgate', head_sha: headSha, status: 'in_progress', conclusion: null, output: { title: null, summary: null, text: null },
      annotations: [], actions: [], updates: 0, started_at: new Date(Date.now() - minutes * 60_000).toISOString(), completed_at: null,
    });
    return id;
  }

  test('concludes the old ones only, with the reason, in 1 + heads requests plus 2 per head with a run left behind', async () => {
    const { repo, pull } = seed();
    repo.commit('002-export', { 'specs/002-export/spec.md': SPEC_WITH_MARKERS });
    const young = repo.openPull('002-export');
    repo.commit('003-audit', { 'specs/003-audit/spec.md': SPEC_WITH_MARKERS });
    repo.openPull('003-audit');
    const old = leftBehind(repo, pull.headSha, 30);
    leftBehind(repo, young.headSha, 2);
    const result = await sweepStaleRuns(portFor(repo), { owner: repo.owner, repo: repo.name }, { staleAfterMs: 10 * 60_000, maxPulls: 10 });
    expect(result).toEqual({ heads: 3, requests: 1 + 3 + 2, concluded: [old] });
    expect(standIn.requests).toHaveLength(result.requests);
    expect(repo.checkRuns.find((run) => run.id === old)).toMatchObject({ status: 'completed', conclusion: 'failure', output: expect.objectContaining({ title: 'specgate could not finish' }) });
    expect(repo.checkRuns.find((run) => run.id === old)!.output.summary).toContain(STALE_REASON);
    expect(repo.checkRunsFor(young.headSha, 'specgate')[0]).toMatchObject({ status: 'in_progress' });
  });

  test('looks at no more than maxPulls open pull requests, and at the heads it is given', async () => {
    const { repo, pull } = seed();
    for (const name of ['002-a', '003-b', '004-c']) {
      repo.commit(name, { [`specs/${name}/spec.md`]: SPEC_WITH_MARKERS });
      repo.openPull(name);
    }
    repo.pulls.get(pull.number)!.state = 'closed';
    const stale = leftBehind(repo, pull.headSha, 30);
    const result = await sweepStaleRuns(portFor(repo), { owner: repo.owner, repo: repo.name }, { staleAfterMs: 10 * 60_000, maxPulls: 2, heads: [pull.headSha] });
    expect(result.heads).toBeLessThanOrEqual(3);
    expect(result.concluded).toEqual([stale]);
  });
});

test('reasons are worded for what GitHub did', () => {
  expect(describeFailure('reading the pull request', Object.assign(new Error('Server Error'), { status: 502 }))).toBe('GitHub answered 502 reading the pull request; Re-run to try again');
  expect(describeFailure('reading the config', Object.assign(new Error('You have exceeded a secondary rate limit.'), { status: 403 })))
    .toBe("GitHub's secondary rate limit refused reading the config (still limited after the retries); Re-run to try again in a few minutes");
  expect(describeFailure('reading the config', Object.assign(new Error('API rate limit exceeded for installation ID 1.'), { status: 403 })))
    .toMatch(/^GitHub's rate limit refused reading the config .*; Re-run to try again after it resets$/);
  const timeout = Object.assign(new Error('The operation was aborted due to timeout'), { status: 500, cause: Object.assign(new Error('timeout'), { name: 'TimeoutError' }) });
  expect(describeFailure('reading the documents', timeout)).toBe('GitHub did not answer reading the documents in time (every attempt timed out); Re-run to try again');
});
