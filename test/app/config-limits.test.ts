import { expect, test } from '@jest/globals';
import { CONSTITUTION, SPEC_WITH_MARKERS } from './fixtures.js';
import { pullRequestEvent } from './harness.js';
import { useHarness } from './use-harness.js';

const harness = useHarness();

const excludeList = (count: number): string => `exclude:\n${Array.from({ length: count }, (_, i) => `  - "docs/generated/area-${i}/**"`).join('\n')}\n`;

function seed(config: string) {
  const repo = harness.standIn.state.addRepo('acme', 'product', { '.github/specgate.yml': config, '.specify/memory/constitution.md': CONSTITUTION });
  repo.commit('001-login', { 'specs/001-login/spec.md': SPEC_WITH_MARKERS });
  return { repo, pull: repo.openPull('001-login') };
}

test('a 5 MB exclude list: the delivery ends at once with an invalid-configuration check naming `exclude`', async () => {
  const config = excludeList(150_000);
  expect(config.length).toBeGreaterThan(5_000_000);
  const { repo, pull } = seed(config);
  // 200, not Probot's 202 "still processing" after 9 s: matched against every file, such a list took minutes.
  expect(await harness.deliver('pull_request', pullRequestEvent(repo, pull.number))).toBe(200);
  const [run] = repo.checkRunsFor(pull.headSha, 'specgate');
  expect(run).toMatchObject({ status: 'completed', conclusion: 'failure', output: expect.objectContaining({ title: 'Invalid configuration' }) });
  expect(run!.output.summary).toMatch(/`exclude` \(line 1\): Unexpected config file of \d+ bytes .*expected at most 262144\. Fix: .*glob/);
  expect(repo.checkRunsFor(pull.headSha).filter((r) => r.status !== 'completed')).toEqual([]);
});

test('too many exclude globs in a small file: an invalid-configuration check naming `exclude` and the bound', async () => {
  const { repo, pull } = seed(excludeList(300));
  expect(await harness.deliver('pull_request', pullRequestEvent(repo, pull.number))).toBe(200);
  const [run] = repo.checkRunsFor(pull.headSha, 'specgate');
  expect(run).toMatchObject({ status: 'completed', conclusion: 'failure', output: expect.objectContaining({ title: 'Invalid configuration' }) });
  expect(run!.output.summary).toContain('`exclude`: Unexpected 300 items in `exclude`, expected at most 200. Fix:');
});
