import { expect, test } from '@jest/globals';
import type { Repo } from '../support/github-standin/index.js';
import { CONFIG, CONSTITUTION, SPEC_WITH_MARKERS } from './fixtures.js';
import { examplePayload, pullRequestEvent } from './harness.js';
import { useHarness } from './use-harness.js';

const harness = useHarness();

function seed(files: Record<string, string> = { '.github/specgate.yml': CONFIG, '.specify/memory/constitution.md': CONSTITUTION }, change: Record<string, string> = { 'specs/001-login/spec.md': SPEC_WITH_MARKERS }) {
  const repo = harness.standIn.state.addRepo('acme', 'product', files);
  repo.commit('001-login', change);
  return { repo, pull: repo.openPull('001-login') };
}

const writes = (): number => harness.standIn.requests.filter((r) => r.write).length;

test('a repository that never opted in (no config, no spec folders) hears nothing', async () => {
  const { repo, pull } = seed({ 'README.md': '# App\n' }, { 'src/index.ts': 'export {};\n' });
  await harness.deliver('pull_request', pullRequestEvent(repo, pull.number));
  expect(writes()).toBe(0);
  expect(repo.checkRuns).toEqual([]);
});

test('an opted-in PR that changes no spec document still gets a concluded check', async () => {
  const { repo, pull } = seed(undefined, { 'src/index.ts': 'export {};\n' });
  await harness.deliver('pull_request', pullRequestEvent(repo, pull.number));
  expect(repo.checkRunsFor(pull.headSha).map((run) => [run.name, run.status, run.conclusion, run.output.title])).toEqual([
    ['specgate', 'completed', 'neutral', 'No spec documents changed'],
  ]);
});

test('an invalid configuration is a result: each YAML path with its fix', async () => {
  const { repo, pull } = seed({ '.github/specgate.yml': 'fail-on: sometimes\ncolour: blue\n' });
  await harness.deliver('pull_request', pullRequestEvent(repo, pull.number));
  const [run] = repo.checkRunsFor(pull.headSha, 'specgate');
  expect(run).toMatchObject({ status: 'completed', conclusion: 'failure', output: expect.objectContaining({ title: 'Invalid configuration' }) });
  expect(run!.output.summary).toContain('`fail-on`');
  expect(run!.output.summary).toContain('`colour`');
  expect(run!.output.summary).toContain('Fix:');
});

test('results for a SHA that is no longer the head are dropped', async () => {
  const { repo, pull } = seed();
  const event = pullRequestEvent(repo, pull.number);
  const stale = pull.headSha;
  repo.commit('001-login', { 'specs/001-login/notes.md': '# Notes\n' });
  await harness.deliver('pull_request', event);
  expect(repo.checkRunsFor(stale)).toEqual([]);
  expect(repo.realIssues()).toEqual([]);
});

test('check_suite.rerequested (fork PR: no pull_requests in the payload) gates the PR found by head SHA', async () => {
  const { repo, pull } = seed();
  await harness.deliver('check_suite', examplePayload('check_suite', 'rerequested', repo, (payload) => {
    Object.assign(payload['check_suite'], { head_sha: pull.headSha, pull_requests: [] });
  }));
  expect(repo.checkRunsFor(pull.headSha)).toHaveLength(6);
});

test('in `command` mode no issue opens until the Open issues button is pressed', async () => {
  const { repo, pull } = seed({ '.github/specgate.yml': 'clarification-issues:\n  mode: command\n' });
  await harness.deliver('pull_request', pullRequestEvent(repo, pull.number));
  expect(repo.realIssues()).toEqual([]);
  const aggregate = repo.checkRunsFor(pull.headSha, 'specgate')[0]!;
  expect(aggregate.actions.map((action) => action['identifier'])).toEqual(['recheck', 'clarify']);
  expect(aggregate.output.summary).toContain('Open clarifications without an issue');
  await harness.deliver('check_run', examplePayload('check_run', 'requested_action', repo, (payload) => {
    Object.assign(payload['check_run'], { name: 'specgate', head_sha: pull.headSha, pull_requests: [{ number: pull.number }] });
    payload['requested_action'] = { identifier: 'clarify' };
  }));
  expect(repo.realIssues()).toHaveLength(2);
});

test('the issue cap per PR lists the rest in the check summary', async () => {
  const { repo, pull } = seed({ '.github/specgate.yml': 'clarification-issues:\n  max-per-pr: 1\n' });
  await harness.deliver('pull_request', pullRequestEvent(repo, pull.number));
  expect(repo.realIssues()).toHaveLength(1);
  expect(repo.checkRunsFor(pull.headSha, 'specgate')[0]!.output.summary).toMatch(/cap reached[\s\S]*how many failed attempts/);
});

test('merge_group.checks_requested concludes specgate on the merge group head', async () => {
  const { repo, pull } = seed();
  await harness.deliver('merge_group', examplePayload('merge_group', 'checks_requested', repo, (payload) => {
    Object.assign(payload['merge_group'], { head_sha: pull.headSha, base_sha: pull.baseSha, head_ref: `refs/heads/gh-readonly-queue/main/pr-${pull.number}-${pull.baseSha}` });
  }));
  expect(repo.checkRunsFor(pull.headSha, 'specgate')[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
  expect(repo.realIssues()).toEqual([]);
});

function push(repo: Repo, after: string, modified: string[]): Record<string, unknown> {
  return examplePayload('push', undefined, repo, (payload) => {
    Object.assign(payload, { ref: `refs/heads/${repo.defaultBranch}`, after, deleted: false });
    payload['commits'] = [{ ...payload['commits'][0], id: after, added: [], removed: [], modified }];
  });
}

test('a push to the default branch that changes the config re-gates open PRs', async () => {
  const { repo, pull } = seed();
  await harness.deliver('pull_request', pullRequestEvent(repo, pull.number));
  expect(repo.checkRunsFor(pull.headSha, 'specgate / clarifications')[0]!.conclusion).toBe('failure');
  const after = repo.commit('main', { '.github/specgate.yml': 'rules:\n  no-unresolved-clarifications: warning\n' });
  await harness.deliver('push', push(repo, after, ['.github/specgate.yml']));
  const gate = repo.checkRunsFor(pull.headSha, 'specgate / clarifications');
  expect(gate.at(-1)!.conclusion).toBe('success');
});

test('a push that merges the answers closes issues of merged PRs whose marker is gone', async () => {
  const { repo, pull } = seed();
  await harness.deliver('pull_request', pullRequestEvent(repo, pull.number));
  pull.state = 'closed';
  pull.merged = true;
  const after = repo.commit('main', { 'specs/001-login/spec.md': SPEC_WITH_MARKERS.replace(/\[NEEDS CLARIFICATION: [^\]]*\]/g, 'TBD by product') });
  await harness.deliver('push', push(repo, after, ['specs/001-login/spec.md']));
  expect(repo.realIssues().map((issue) => issue.state)).toEqual(['closed', 'closed']);
  expect(repo.comments.filter((c) => c.body.includes(after))).toHaveLength(2);
});
