import { describe, expect, it } from '@jest/globals';
import { useStandIn } from '../support/github-standin/use-stand-in.js';
import { pullRequestOpened } from './support/payloads.js';
import { runAction } from './support/run-action.js';

const standIn = useStandIn();

describe('the bundled Action refuses unsafe setups', () => {
  it('fails `pull_request_target` with the `path` input before reading anything: that would gate checked-out fork files with a write token', async () => {
    const repo = standIn.state.addRepo('acme', 'target-path', { 'README.md': '# Project\n' });
    repo.commit('feature', { 'specs/001-a/spec.md': '# Feature Specification: A\n' });
    const pull = repo.openPull('feature');
    const run = await runAction({
      event: 'pull_request_target', payload: pullRequestOpened(repo, pull, { fork: true }), repository: repo.fullName, apiUrl: standIn.url,
      inputs: { path: 'examples/action-passing' },
    });

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error::Unexpected input `path` on a `pull_request_target` event.*Remove `path`/m);
    expect(run.summary).toBe('');
    expect(run.outputs).toEqual({});
    expect(standIn.requests.filter((request) => request.path.startsWith(`/repos/${repo.fullName}/`))).toEqual([]);
  });

  it('still gates the workspace with `path` on other events', async () => {
    const run = await runAction({ event: 'workflow_dispatch', payload: {}, inputs: { path: 'examples/action-passing' } });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ conclusion: 'success' });
  });
});
