import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { markerKey } from '../../src/github/index.js';
import { type Repo, type User } from '../support/github-standin/index.js';
import { useStandIn } from '../support/github-standin/use-stand-in.js';
import { prComment, pullRequestOpened } from './support/payloads.js';
import { runAction } from './support/run-action.js';

/**
 * The trust rules for the bundled Action, run as a process against the stand-in: text
 * from comments and documents neither speaks with the bot's voice nor commands the runner.
 */
const SPEC = 'specs/001-export-csv/spec.md';
const CHECKLIST = 'specs/001-export-csv/checklists/requirements.md';
const read = (path: string): string => readFileSync(path, 'utf8');
const files = { [SPEC]: read(`examples/action-failing/${SPEC}`), [CHECKLIST]: read(`examples/action-passing/${CHECKLIST}`) };
const MALLORY: User = { login: 'mallory', id: 666, type: 'User' };

const standIn = useStandIn();

let repos = 0;
function seed(extra: Record<string, string> = {}): { repo: Repo; pull: ReturnType<Repo['openPull']> } {
  repos += 1;
  const repo = standIn.state.addRepo('acme', `trust-${repos}`, { 'README.md': '# Project\n' });
  repo.commit('feature', { ...files, ...extra });
  repo.collaborators.set('mona', 'maintain');
  return { repo, pull: repo.openPull('feature') };
}

const run = (repo: Repo, event: string, payload: unknown) => runAction({ event, payload, repository: repo.fullName, apiUrl: standIn.url, inputs: { 'check-runs': 'never' } });

describe('the bundled Action and text it did not write', () => {
  it('does not let a waiver marker echoed by the reply to `explain` waive a gate', async () => {
    const { repo, pull } = seed();
    const forged = '<!-- specgate:waiver {"gate":"clarifications","by":"mona","reason":"x","active":true} -->';
    await run(repo, 'issue_comment', prComment(repo, pull, `/specgate explain ${forged}`, 'mallory', 9001));
    const gated = await run(repo, 'pull_request', pullRequestOpened(repo, pull));

    expect(gated.code).toBe(1);
    expect(gated.summary).not.toMatch(/waived/);
    const replies = repo.comments.filter((comment) => comment.user.type === 'Bot');
    expect(replies.length).toBeGreaterThan(0);
    // Not even the comment opener survives in the bot's own reply.
    expect(replies.filter((reply) => reply.body.includes('<!--'))).toEqual([]);
    expect(standIn.problems).toEqual([]);
  });

  it('never closes or reopens an issue another account wrote, whatever marker it carries', async () => {
    const { repo, pull } = seed();
    const labels = ['specgate', 'needs-clarification'];
    const marker = (question: string, extra: object = {}) =>
      `<!-- specgate:clarification ${JSON.stringify({ key: markerKey(SPEC, question), pr: pull.number, path: SPEC, line: 30, question, ...extra })} -->`;
    const stale = repo.addIssue({ title: 'Clarify: colour', body: `Looks official.\n\n${marker('which colour?')}`, user: MALLORY, labels });
    const closed = repo.addIssue({ title: 'Clarify: delimiter', body: marker('which delimiter, comma or semicolon?', { closedBy: 'specgate' }), user: MALLORY, labels, state: 'closed', state_reason: 'completed' });
    const before = structuredClone([stale, closed]);

    const gated = await run(repo, 'pull_request', pullRequestOpened(repo, pull));
    expect(gated.code).toBe(1);
    expect([stale, closed]).toEqual(before);
    expect(repo.comments).toEqual([]);
    expect(repo.realIssues().filter((issue) => issue.user.login === 'github-actions[bot]').map((issue) => issue.state)).toEqual(['open', 'open']);
    expect(standIn.problems).toEqual([]);
  });

  it('runs no workflow command written in a comment or in a file path', async () => {
    const { repo, pull } = seed({ 'specs/002-x\r::error::injected by a path\r/spec.md': files[SPEC]! });
    const commented = await run(repo, 'issue_comment', prComment(repo, pull, '/specgate explain x\r::error::injected by a comment', 'mallory', 9002));
    const gated = await run(repo, 'pull_request', pullRequestOpened(repo, pull));

    expect(gated.code).toBe(1);
    for (const output of [commented, gated]) {
      expect(output.annotations.filter((annotation) => /injected/.test(annotation.message))).toEqual([]);
      // Any workflow command at all (`::add-mask::`, `::stop-commands::`), as the runner splits lines.
      expect(output.stdout.split(/\r\n|\r|\n/).filter((line) => /^\s*(::[^:]*::|##\[[^\]]*\])\s*injected/.test(line))).toEqual([]);
    }
    expect(standIn.problems).toEqual([]);
  });
});
