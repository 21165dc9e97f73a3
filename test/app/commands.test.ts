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
  expect(gate[0]).toMatchObject({ conclusion: 'success', output: expect.objectContaining({ title: 'Waived by @\u200Bmaria' }) });
  expect(gate[0]!.output.summary).toContain('answered in the design review');
  expect(botReplies(repo, pull.number).join('\n')).toMatch(/<!-- specgate:waiver \{.*"active":true/);
  const aggregate = repo.checkRunsFor(pull.headSha, 'specgate')[0]!;
  expect(aggregate.output.summary).toContain('waived by @\u200Bmaria'); // the login names, never pings (zero-width space)

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

const WAIVE = '/specgate waive clarifications agreed offline';
const HIDDEN: Array<[string, string]> = [
  ['a 4-space indented code block', `Try this:\n\n    ${WAIVE}\n`],
  ['a four-backtick fence that contains a three-backtick one', ['````markdown', '```', WAIVE, '```', '````'].join('\n')],
  ['an HTML comment that closes on the command line', `Looks fine.\n<!--\n${WAIVE} -->`],
  ['a multi-line HTML comment', ['Looks fine.', '', '<!--', WAIVE, '-->'].join('\n')],
  ['a lazy continuation of a quote', ['> they wrote', WAIVE].join('\n')],
  ['a CRLF indented code block', `Try this:\r\n\r\n    ${WAIVE}\r\n`],
];

const waiverRecords = (repo: Repo): unknown[] => repo.comments.filter((c) => c.body.includes('specgate:waiver'));
// Each gate run lists the pull request's files once.
const gateRuns = (requests: Array<{ route: string }>): number => requests.filter((r) => r.route === 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files').length;
const clarificationsGate = (repo: Repo, sha: string): string | null | undefined => repo.checkRunsFor(sha, 'specgate / clarifications').at(-1)?.conclusion;

test.each(HIDDEN)('a waive hidden in %s is not obeyed, even from a maintainer', async (_form, body) => {
  const { repo, pull } = await seed();
  expect(clarificationsGate(repo, pull.headSha)).toBe('failure');
  await harness.deliver('issue_comment', comment(repo, pull.number, body));
  expect(clarificationsGate(repo, pull.headSha)).toBe('failure');
  expect(waiverRecords(repo)).toEqual([]);
  expect(repo.reactions).toEqual([]);
});

test('50 recheck lines from a non-collaborator cost one gate run and a bounded number of requests', async () => {
  const { repo, pull } = await seed();
  const before = harness.standIn.requests.length;
  await harness.deliver('issue_comment', comment(repo, pull.number, Array(50).fill('/specgate recheck').join('\n'), { login: 'mallory', type: 'User' }));
  const spent = harness.standIn.requests.slice(before);
  // Measured on this stand-in: about 500 requests (one gate run per line) before commands were de-duplicated, 11 after.
  expect(spent.length).toBeLessThan(30);
  expect(gateRuns(spent)).toBe(1);
  expect(repo.reactions).toHaveLength(1);
  expect(botReplies(repo, pull.number)).toEqual([]);
});

test('50 help lines give one reply', async () => {
  const { repo, pull } = await seed();
  await harness.deliver('issue_comment', comment(repo, pull.number, Array(50).fill('/specgate help').join('\n'), { login: 'mallory', type: 'User' }));
  expect(botReplies(repo, pull.number)).toEqual([expect.stringContaining('/specgate waive <gate> <reason>')]);
  expect(repo.reactions).toHaveLength(1);
});

test('many distinct commands in one comment: a few act, one reply names the rest, one gate run', async () => {
  const { repo, pull } = await seed();
  const body = ['/specgate help', '/specgate explain no-unresolved-clarifications', '/specgate recheck', '/specgate clarify',
    '/specgate waive clarifications agreed offline', '/specgate frobnicate', '/specgate explain nothing-such'].join('\n');
  const before = harness.standIn.requests.length;
  await harness.deliver('issue_comment', comment(repo, pull.number, body));
  const spent = harness.standIn.requests.slice(before);
  expect(gateRuns(spent)).toBe(1);
  expect(clarificationsGate(repo, pull.headSha)).toBe('success');
  const replies = botReplies(repo, pull.number).filter((text) => !text.includes('specgate:waiver'));
  expect(replies).toHaveLength(1);
  expect(replies[0]).toMatch(/\*\*no-unresolved-clarifications\*\*/);
  expect(replies[0]).toMatch(/Ignored 2 commands: at most 5 distinct commands act per comment[^\n]*`\/specgate frobnicate` \(line 6\), `\/specgate explain nothing-such` \(line 7\)/);
  expect(waiverRecords(repo)).toHaveLength(1);
});

test('a waive reason over 1,000 characters is refused with a reply and no waiver record', async () => {
  const { repo, pull } = await seed();
  await harness.deliver('issue_comment', comment(repo, pull.number, `/specgate waive clarifications ${'because '.repeat(500)}`));
  expect(botReplies(repo, pull.number)).toEqual([expect.stringMatching(/unexpected reason of 3,999 characters, expected at most 1,000/)]);
  expect(waiverRecords(repo)).toEqual([]);
  expect(clarificationsGate(repo, pull.headSha)).toBe('failure');
});

test('a comment body over GitHub\'s 65,536-character limit is not read for commands', async () => {
  const { repo, pull } = await seed();
  await harness.deliver('issue_comment', comment(repo, pull.number, `${WAIVE}\n\n${'padding '.repeat(8_200)}`));
  expect(waiverRecords(repo)).toEqual([]);
  expect(repo.reactions).toEqual([]);
  expect(clarificationsGate(repo, pull.headSha)).toBe('failure');
});
