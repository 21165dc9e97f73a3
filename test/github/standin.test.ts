import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { start, type StandIn } from '../support/github-standin/index.js';
import { octokitFor } from './octokit.js';

let standIn: StandIn;
beforeAll(async () => {
  standIn = await start();
});
afterAll(async () => standIn.close());

test('serves a seeded repository and records every request', async () => {
  const repo = standIn.state.addRepo('acme', 'specs', { 'README.md': '# hi' });
  repo.commit('feature', { 'specs/001-x/spec.md': '# Spec' });
  const pull = repo.openPull('feature');
  const octokit = octokitFor(standIn);
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { owner: 'acme', repo: 'specs', pull_number: pull.number });
  expect(data.map((file) => file.filename)).toEqual(['specs/001-x/spec.md']);
  expect(standIn.requests.at(-1)?.route).toBe('GET /repos/{owner}/{repo}/pulls/{pull_number}/files');
  expect(standIn.problems).toEqual([]);
});

test('rejects a request that GitHub’s REST description does not allow', async () => {
  const octokit = octokitFor(standIn);
  await expect(octokit.request('POST /repos/{owner}/{repo}/check-runs', { owner: 'acme', repo: 'specs', name: 'x', head_sha: 'abc', status: 'bogus' as 'queued' })).rejects.toMatchObject({ status: 422 });
  expect(standIn.problems.join('\n')).toMatch(/status/);
  standIn.problems.length = 0;
});

test('injects a fault once, then answers normally', async () => {
  const octokit = octokitFor(standIn);
  standIn.faults.push({ method: 'GET', path: /\/pulls\/1$/, status: 502 });
  await expect(octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { owner: 'acme', repo: 'specs', pull_number: 1 })).rejects.toMatchObject({ status: 502 });
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { owner: 'acme', repo: 'specs', pull_number: 1 });
  expect(data.number).toBe(1);
});

test('an "applied" fault lands the write and still answers 500, as GitHub sometimes does', async () => {
  const repo = standIn.state.repo('acme', 'specs')!;
  const octokit = octokitFor(standIn);
  const sha = repo.branches.get('feature')!;
  standIn.faults.push({ method: 'POST', path: /\/check-runs$/, applied: true });
  await expect(octokit.request('POST /repos/{owner}/{repo}/check-runs', { owner: 'acme', repo: 'specs', name: 'applied', head_sha: sha, status: 'in_progress' })).rejects.toMatchObject({ status: 500 });
  expect(repo.checkRunsFor(sha, 'applied')).toHaveLength(1);
  expect(repo.checkRunsFor(sha, 'applied')[0]!.started_at).toMatch(/^\d{4}-/);
});

test('lists the newest run of each name unless filter=all, as GitHub does', async () => {
  const octokit = octokitFor(standIn);
  const sha = standIn.state.repo('acme', 'specs')!.branches.get('feature')!;
  await octokit.request('POST /repos/{owner}/{repo}/check-runs', { owner: 'acme', repo: 'specs', name: 'applied', head_sha: sha, status: 'completed', conclusion: 'success' });
  const latest = await octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { owner: 'acme', repo: 'specs', ref: sha, check_name: 'applied' });
  const all = await octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { owner: 'acme', repo: 'specs', ref: sha, check_name: 'applied', filter: 'all' });
  expect(latest.data.check_runs.map((run) => run.conclusion)).toEqual(['success']);
  expect(all.data.check_runs).toHaveLength(2);
  const inProgress = await octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { owner: 'acme', repo: 'specs', ref: sha, filter: 'all', status: 'in_progress' });
  expect(inProgress.data.check_runs.map((run) => run.name)).toEqual(['applied']);
});

test('a fault with a probability hits about that share of requests, the same ones for the same seed', async () => {
  const hits = async (seed: number): Promise<number[]> => {
    const local = await start({ seed });
    try {
      local.state.addRepo('acme', 'odds', { 'README.md': '# hi' });
      local.faults.push({ method: 'GET', status: 503, probability: 0.25, times: Infinity });
      const octokit = octokitFor(local);
      const failed: number[] = [];
      for (let i = 0; i < 40; i += 1) {
        await octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { owner: 'acme', repo: 'odds', ref: 'main', request: { retries: 0 } }).catch(() => failed.push(i));
      }
      return failed;
    } finally {
      await local.close();
    }
  };
  const first = await hits(7);
  expect(first.length).toBeGreaterThan(2);
  expect(first.length).toBeLessThan(20);
  expect(await hits(7)).toEqual(first);
});
