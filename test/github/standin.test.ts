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
