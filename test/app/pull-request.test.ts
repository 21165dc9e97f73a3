import { expect, test } from '@jest/globals';
import { examplePayload, pullRequestEvent } from './harness.js';
import { useHarness } from './use-harness.js';
import { CONFIG, CONSTITUTION, SPEC_ONE_RESOLVED, SPEC_WITH_MARKERS } from './fixtures.js';

const harness = useHarness();

function seed() {
  const repo = harness.standIn.state.addRepo('acme', 'product', {
    '.github/specgate.yml': CONFIG, '.specify/memory/constitution.md': CONSTITUTION, 'README.md': '# Product\n',
  });
  repo.commit('001-login', { 'specs/001-login/spec.md': SPEC_WITH_MARKERS });
  return { repo, pull: repo.openPull('001-login') };
}

test('an opened PR gets concluded check runs with annotations and one issue per clarification', async () => {
  const { repo, pull } = seed();
  expect(await harness.deliver('pull_request', pullRequestEvent(repo, pull.number))).toBe(200);

  const runs = repo.checkRunsFor(pull.headSha);
  expect(runs.map((run) => run.name).sort()).toEqual([
    'specgate', 'specgate / checklists', 'specgate / clarifications', 'specgate / completeness', 'specgate / consistency', 'specgate / constitution',
  ]);
  expect(runs.every((run) => run.status === 'completed')).toBe(true);
  const aggregate = repo.checkRunsFor(pull.headSha, 'specgate')[0]!;
  expect(aggregate.conclusion).toBe('failure');
  const clarifications = repo.checkRunsFor(pull.headSha, 'specgate / clarifications')[0]!;
  expect(clarifications.conclusion).toBe('failure');
  expect(clarifications.annotations).toEqual(expect.arrayContaining([
    expect.objectContaining({ path: 'specs/001-login/spec.md', start_line: 21, annotation_level: 'failure', title: 'no-unresolved-clarifications' }),
    expect.objectContaining({ path: 'specs/001-login/spec.md', start_line: 22, title: 'no-unresolved-clarifications' }),
  ]));

  const issues = repo.realIssues();
  expect(issues).toHaveLength(2);
  expect(issues.every((issue) => issue.state === 'open' && issue.labels.includes('needs-clarification'))).toBe(true);
  expect(issues.map((issue) => issue.body).join('\n')).toContain('> which identity providers are supported?');
  expect(issues[0]!.body).toContain(`#${pull.number}`);
});

test('three deliveries of the same event leave one run per gate, no duplicate issue and zero writes after the first', async () => {
  const { repo, pull } = seed();
  const event = pullRequestEvent(repo, pull.number);
  await harness.deliver('pull_request', event);
  const writesAfterFirst = harness.standIn.requests.filter((r) => r.write).length;
  await harness.deliver('pull_request', event);
  await harness.deliver('pull_request', event);
  expect(harness.standIn.requests.filter((r) => r.write).length).toBe(writesAfterFirst);
  expect(repo.checkRunsFor(pull.headSha)).toHaveLength(6);
  expect(repo.realIssues()).toHaveLength(2);
});

test('a push that answers a question closes its issue naming the commit and re-gates the new head', async () => {
  const { repo, pull } = seed();
  await harness.deliver('pull_request', pullRequestEvent(repo, pull.number));
  const sha = repo.commit('001-login', { 'specs/001-login/spec.md': SPEC_ONE_RESOLVED });
  await harness.deliver('pull_request', pullRequestEvent(repo, pull.number, 'synchronize'));

  const [providers, attempts] = [...repo.realIssues()].sort((a, b) => a.body.indexOf('providers') < 0 ? 1 : b.body.indexOf('providers') < 0 ? -1 : 0);
  expect(providers!.state).toBe('closed');
  expect(providers!.state_reason).toBe('completed');
  expect(repo.comments.find((c) => c.issue_number === providers!.number)?.body).toContain(sha);
  expect(attempts!.state).toBe('open');
  // The remaining marker moved down a line; its issue follows.
  expect(attempts!.body).toContain('(line 23)');
  expect(repo.realIssues()).toHaveLength(2);
  expect(repo.checkRunsFor(sha, 'specgate')[0]?.conclusion).toBe('failure');
});

test('a PR closed without merging closes its issues as not planned', async () => {
  const { repo, pull } = seed();
  await harness.deliver('pull_request', pullRequestEvent(repo, pull.number));
  pull.state = 'closed';
  await harness.deliver('pull_request', pullRequestEvent(repo, pull.number, 'closed'));
  expect(repo.realIssues().map((issue) => [issue.state, issue.state_reason])).toEqual([['closed', 'not_planned'], ['closed', 'not_planned']]);
});

test('the same push announced at once by pull_request.synchronize and check_suite.requested yields one run per gate', async () => {
  const { repo, pull } = seed();
  const suite = examplePayload('check_suite', 'requested', repo, (payload) => {
    Object.assign(payload['check_suite'], { head_sha: pull.headSha, pull_requests: [{ number: pull.number }] });
  });
  const event = pullRequestEvent(repo, pull.number, 'synchronize');
  await Promise.all([harness.deliver('pull_request', event), harness.deliver('check_suite', suite), harness.deliver('pull_request', event)]);
  expect(repo.checkRunsFor(pull.headSha)).toHaveLength(6);
  expect(repo.realIssues()).toHaveLength(2);
});
