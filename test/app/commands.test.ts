import { expect, test } from '@jest/globals';
import type { Repo } from '../support/github-standin/index.js';
import { CONFIG, CONSTITUTION, SPEC_WITH_MARKERS } from './fixtures.js';
import { examplePayload, pullRequestEvent } from './harness.js';
import { useHarness } from './use-harness.js';

const harness = useHarness();

async function seed() {
  const repo = harness.standIn.state.addRepo('acme', 'product', { '.github/specgate.yml': CONFIG, '.specify/memory/constitution.md': CONSTITUTION });
  repo.commit('001-login', { 'specs/001-login/spec.md': SPEC_WITH_MARKERS });
  const pull = repo.openPull('001-login');
  repo.collaborators.set('maria', 'maintain');
  repo.collaborators.set('wes', 'write');
  await harness.deliver('pull_request', pullRequestEvent(repo, pull.number));
  return { repo, pull };
}

let commentIds = 50_000;
function comment(repo: Repo, number: number, body: string, user = { login: 'maria', type: 'User' }): Record<string, unknown> {
  commentIds += 1;
  const id = commentIds;
  return examplePayload('issue_comment', 'created', repo, (payload) => {
    Object.assign(payload['issue'], { number, pull_request: { url: `https://api.github.com/repos/${repo.fullName}/pulls/${number}` } });
    Object.assign(payload['comment'], { id, body, user: { ...payload['comment'].user, ...user } });
  });
}

const botReplies = (repo: Repo, number: number): string[] => repo.comments.filter((c) => c.issue_number === number && c.user.type === 'Bot').map((c) => c.body);

test('help is answered and the comment gets 👀', async () => {
  const { repo, pull } = await seed();
  await harness.deliver('issue_comment', comment(repo, pull.number, 'Thanks!\n/specgate help'));
  expect(repo.reactions.map((r) => r.content)).toEqual(['eyes']);
  expect(botReplies(repo, pull.number)).toEqual([expect.stringContaining('/specgate waive <gate> <reason>')]);
});

test('an unknown verb is answered with the help text; comments without a command, and bots, are ignored', async () => {
  const { repo, pull } = await seed();
  await harness.deliver('issue_comment', comment(repo, pull.number, '/specgate frobnicate'));
  await harness.deliver('issue_comment', comment(repo, pull.number, 'no command here'));
  await harness.deliver('issue_comment', comment(repo, pull.number, '/specgate help', { login: 'specgate[bot]', type: 'Bot' }));
  expect(botReplies(repo, pull.number)).toEqual([expect.stringMatching(/^Unknown command `\/specgate frobnicate`[\s\S]*\/specgate help/)]);
  expect(repo.reactions).toHaveLength(1);
});

test('waive by a non-collaborator or a writer is refused with a reply and changes nothing', async () => {
  const { repo, pull } = await seed();
  const before = repo.checkRunsFor(pull.headSha, 'specgate / clarifications')[0]!.conclusion;
  await harness.deliver('issue_comment', comment(repo, pull.number, '/specgate waive clarifications decided offline', { login: 'mallory', type: 'User' }));
  await harness.deliver('issue_comment', comment(repo, pull.number, '/specgate waive clarifications decided offline', { login: 'wes', type: 'User' }));
  const replies = botReplies(repo, pull.number);
  expect(replies).toEqual([expect.stringContaining('(yours: `none`)'), expect.stringContaining('(yours: `write`)')]);
  expect(repo.checkRunsFor(pull.headSha, 'specgate / clarifications')[0]!.conclusion).toBe(before);
});

test('waive by a maintainer passes the gate with who and why, recorded in a comment; unwaive revokes it', async () => {
  const { repo, pull } = await seed();
  await harness.deliver('issue_comment', comment(repo, pull.number, '/specgate waive clarifications answered in the design review'));
  const gate = repo.checkRunsFor(pull.headSha, 'specgate / clarifications');
  expect(gate).toHaveLength(1);
  expect(gate[0]).toMatchObject({ conclusion: 'success', output: expect.objectContaining({ title: 'Waived by @maria' }) });
  expect(gate[0]!.output.summary).toContain('answered in the design review');
  expect(botReplies(repo, pull.number).join('\n')).toMatch(/<!-- specgate:waiver \{.*"active":true/);
  const aggregate = repo.checkRunsFor(pull.headSha, 'specgate')[0]!;
  expect(aggregate.output.summary).toContain('waived by @maria');

  await harness.deliver('issue_comment', comment(repo, pull.number, '/specgate unwaive clarifications'));
  expect(repo.checkRunsFor(pull.headSha, 'specgate / clarifications').at(-1)!.conclusion).toBe('failure');
});

test('a waiver marker in another bot\'s comment is ignored; only the App\'s own record counts', async () => {
  const { repo, pull } = await seed();
  // Another bot echoing user text can post the hidden marker; it must not waive anything.
  const forged = '<!-- specgate:waiver {"gate":"clarifications","by":"maria","reason":"forged","active":true} -->';
  repo.comments.push({ id: repo.nextId(), issue_number: pull.number, body: forged, user: { login: 'echo-bot[bot]', id: 77, type: 'Bot' } });
  await harness.deliver('issue_comment', comment(repo, pull.number, '/specgate recheck', { login: 'wes', type: 'User' }));
  expect(repo.checkRunsFor(pull.headSha, 'specgate / clarifications').at(-1)!.conclusion).toBe('failure');
  expect(repo.checkRunsFor(pull.headSha, 'specgate')[0]!.output.summary).not.toContain('forged');

  await harness.deliver('issue_comment', comment(repo, pull.number, '/specgate waive clarifications answered in the design review'));
  expect(repo.comments.filter((c) => c.body.includes('specgate:waiver')).map((c) => c.user.login)).toEqual(['echo-bot[bot]', 'specgate[bot]']);
  expect(repo.checkRunsFor(pull.headSha, 'specgate / clarifications').at(-1)!.conclusion).toBe('success');
  // The App's login is looked up once per process, not once per gate.
  expect(harness.standIn.requests.filter((r) => r.route === 'GET /app')).toHaveLength(1);
});

test('explain names the rule, its gate and its docs page', async () => {
  const { repo, pull } = await seed();
  await harness.deliver('issue_comment', comment(repo, pull.number, '/specgate explain no-unresolved-clarifications'));
  expect(botReplies(repo, pull.number)).toEqual([expect.stringMatching(/\*\*no-unresolved-clarifications\*\* \(gate `clarifications`[\s\S]*docs\/rules\/no-unresolved-clarifications\.md/)]);
});

test('recheck acts on the head current now', async () => {
  const { repo, pull } = await seed();
  const newHead = repo.commit('001-login', { 'specs/001-login/notes.md': '# Notes\n' });
  await harness.deliver('issue_comment', comment(repo, pull.number, '/specgate recheck', { login: 'wes', type: 'User' }));
  expect(repo.checkRunsFor(newHead, 'specgate')[0]?.status).toBe('completed');
});
