import { describe, expect, it } from '@jest/globals';
import { decideChecks } from '../../src/github/flows/decide-checks.js';
import { resolveJob } from '../../src/github/flows/event-job.js';

const pr = (head: string, base = 'acme/specs') => ({ number: 5, head: { repo: { full_name: head } }, base: { repo: { full_name: base } } });

describe('resolveJob', () => {
  it('marks fork and Dependabot `pull_request` runs read-only, but not `pull_request_target`', () => {
    expect(resolveJob({ name: 'pull_request', payload: { action: 'opened', pull_request: pr('someone/specs') }, actor: 'someone' })).toMatchObject({ kind: 'pull-request', number: 5, readOnly: { why: expect.stringMatching(/fork/) } });
    expect(resolveJob({ name: 'pull_request', payload: { action: 'opened', pull_request: pr('acme/specs') }, actor: 'dependabot[bot]' })).toMatchObject({ readOnly: { why: expect.stringMatching(/Dependabot/) } });
    expect(resolveJob({ name: 'pull_request_target', payload: { action: 'opened', pull_request: pr('someone/specs') }, actor: 'someone' })).toEqual({ kind: 'pull-request', number: 5 });
  });

  it('skips merged PRs, pushes to other branches and unknown events with a reason', () => {
    expect(resolveJob({ name: 'pull_request', payload: { action: 'closed', pull_request: { ...pr('acme/specs'), merged: true } }, actor: '' }).kind).toBe('skip');
    expect(resolveJob({ name: 'pull_request', payload: { action: 'closed', pull_request: { ...pr('acme/specs'), base: { sha: 'b' } } }, actor: '' })).toEqual({ kind: 'pr-closed', number: 5, baseSha: 'b' });
    expect(resolveJob({ name: 'push', payload: { ref: 'refs/heads/topic', repository: { default_branch: 'main' } }, actor: '' })).toMatchObject({ kind: 'skip', reason: expect.stringMatching(/not the default branch/) });
    expect(resolveJob({ name: 'release', payload: {}, actor: '' }).kind).toBe('skip');
  });

  it('reads the PR number of a workflow_dispatch run, and refuses a missing one with the fix', () => {
    expect(resolveJob({ name: 'workflow_dispatch', payload: { inputs: { 'pull-request': '#12' } }, actor: '' })).toEqual({ kind: 'pull-request', number: 12 });
    expect(() => resolveJob({ name: 'workflow_dispatch', payload: { inputs: {} }, actor: '' })).toThrow(/Missing pull request number/);
  });

  it('takes merge groups and comment commands from their payloads', () => {
    expect(resolveJob({ name: 'merge_group', payload: { merge_group: { head_sha: 'h', base_sha: 'b' } }, actor: '' })).toEqual({ kind: 'merge-group', headSha: 'h', baseSha: 'b' });
    expect(resolveJob({ name: 'issue_comment', payload: { action: 'created', issue: { number: 3, pull_request: {} }, comment: { id: 9, body: '/specgate help', user: { login: 'mona' } } }, actor: '' }))
      .toEqual({ kind: 'command', issueNumber: 3, commentId: 9, body: '/specgate help', author: 'mona', isPullRequest: true });
  });
});

describe('resolveJob for the App\'s webhooks (the same payloads)', () => {
  it('maps Re-run of a suite or of a specgate run, and its buttons, to a recheck of the head; other runs are skipped', () => {
    const suite = { head_sha: 'h', pull_requests: [{ number: 5 }] };
    expect(resolveJob({ name: 'check_suite', payload: { action: 'rerequested', check_suite: suite }, actor: '' })).toEqual({ kind: 'recheck', sha: 'h', numbers: [5], clarify: false });
    expect(resolveJob({ name: 'check_suite', payload: { action: 'completed', check_suite: suite }, actor: '' }).kind).toBe('skip');
    const run = { ...suite, name: 'specgate / clarifications' };
    expect(resolveJob({ name: 'check_run', payload: { action: 'requested_action', check_run: run, requested_action: { identifier: 'clarify' } }, actor: '' })).toEqual({ kind: 'recheck', sha: 'h', numbers: [5], clarify: true });
    expect(resolveJob({ name: 'check_run', payload: { action: 'rerequested', check_run: { ...run, name: 'lint' } }, actor: '' }).kind).toBe('skip');
  });

  it('lists the paths a push touched, skips a deleted branch, and marks comments of bot accounts', () => {
    const repository = { default_branch: 'main' };
    const commits = [{ added: ['a.md'], modified: ['b.md'], removed: [] }, { added: [], modified: ['b.md'], removed: ['c.md'] }];
    expect(resolveJob({ name: 'push', payload: { ref: 'refs/heads/main', after: 's', repository, commits }, actor: '' })).toEqual({ kind: 'push', after: 's', ref: 'refs/heads/main', touched: ['a.md', 'b.md', 'c.md'] });
    expect(resolveJob({ name: 'push', payload: { ref: 'refs/heads/main', deleted: true, repository }, actor: '' }).kind).toBe('skip');
    // A bot account's login need not end in [bot] (GitHub's coding agent comments as `Copilot`, type `Bot`).
    const comment = (user: object) => resolveJob({ name: 'issue_comment', payload: { action: 'created', issue: { number: 3 }, comment: { id: 9, body: '/specgate help', user } }, actor: '' });
    expect(comment({ login: 'Copilot', type: 'Bot' })).toMatchObject({ fromBot: true });
    expect(comment({ login: 'specgate[bot]' })).toMatchObject({ fromBot: true });
    expect(comment({ login: 'mona', type: 'User' })).not.toHaveProperty('fromBot');
  });
});

describe('decideChecks', () => {
  it('auto publishes only with an installation token on a writable run', () => {
    expect(decideChecks('auto', 'ghs_abc', undefined)).toEqual({ publish: true });
    expect(decideChecks('auto', 'ghs_abc', { why: 'fork' }).publish).toBe(false);
    expect(decideChecks('auto', 'ghp_personal', undefined)).toMatchObject({ publish: false, why: expect.stringMatching(/not an installation token/) });
    expect(decideChecks('always', 'ghp_personal', { why: 'fork' }).publish).toBe(true);
    expect(decideChecks('never', 'ghs_abc', undefined).publish).toBe(false);
  });
});
