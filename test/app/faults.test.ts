import { expect, test } from '@jest/globals';
import type { Fault } from '../support/github-standin/index.js';
import { CONFIG, CONSTITUTION, SPEC_WITH_MARKERS } from './fixtures.js';
import { pullRequestEvent } from './harness.js';
import { useHarness } from './use-harness.js';

const harness = useHarness({ requestTimeoutMs: 1_000 });

function seed() {
  const repo = harness.standIn.state.addRepo('acme', 'product', { '.github/specgate.yml': CONFIG, '.specify/memory/constitution.md': CONSTITUTION });
  repo.commit('001-login', { 'specs/001-login/spec.md': SPEC_WITH_MARKERS });
  return { repo, pull: repo.openPull('001-login') };
}

const cases: [string, Fault[]][] = [
  ['500 on reading the files', [{ method: 'GET', path: /\/pulls\/\d+\/files$/, status: 500 }]],
  ['502 on the GraphQL batch and on creating a check run', [{ method: 'POST', path: /^\/graphql$/, status: 502 }, { method: 'POST', path: /\/check-runs$/, status: 502 }]],
  ['a secondary rate limit with Retry-After: 1 on creating an issue', [{ method: 'POST', path: /\/issues$/, secondaryRateLimit: 1 }]],
  ['a request that never answers (listing check runs)', [{ method: 'GET', path: /\/check-runs$/, timeout: true }]],
];

test.each(cases)('%s: retried, concluded, nothing duplicated', async (_name, faults) => {
  const { repo, pull } = seed();
  harness.standIn.faults.push(...faults);
  const event = pullRequestEvent(repo, pull.number);
  await harness.deliver('pull_request', event);
  await harness.deliver('pull_request', event);

  expect(harness.standIn.faults).toEqual([]); // every fault was hit
  const runs = repo.checkRunsFor(pull.headSha);
  expect(runs.filter((run) => run.status !== 'completed')).toEqual([]);
  expect(new Set(runs.map((run) => run.name)).size).toBe(runs.length);
  expect(repo.checkRunsFor(pull.headSha, 'specgate')[0]?.conclusion).toBe('failure');
  expect(repo.checkRunsFor(pull.headSha, 'specgate / clarifications')[0]?.conclusion).toBe('failure');
  expect(repo.realIssues()).toHaveLength(2);
});

test('a GitHub that keeps failing still leaves the check concluded as failed, with the reason', async () => {
  const { repo, pull } = seed();
  harness.standIn.faults.push({ method: 'POST', path: /^\/graphql$/, status: 500, times: 4 });
  await harness.deliver('pull_request', pullRequestEvent(repo, pull.number));
  const [aggregate] = repo.checkRunsFor(pull.headSha, 'specgate');
  expect(aggregate).toMatchObject({ status: 'completed', conclusion: 'failure' });
  expect(aggregate!.output.title).toBe('specgate could not finish');
  expect(aggregate!.output.summary).toMatch(/stopped with an error: .*500|Server Error/);
});
