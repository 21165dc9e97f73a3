import { expect, test } from '@jest/globals';
import { decodeMeta, markerKey } from '../../src/github/index.js';
import { hasSpecgateMarker } from '../../src/engine/report/index.js';
import type { Repo, User } from '../support/github-standin/index.js';
import { CONFIG, CONSTITUTION, SPEC_WITH_MARKERS } from './fixtures.js';
import { examplePayload, pullRequestEvent } from './harness.js';
import { useHarness } from './use-harness.js';

/**
 * The trust rules at the App's level, over HTTP against the stand-in: text nobody at
 * specgate wrote can neither act with the bot's authority nor make a gate pass.
 */
const harness = useHarness();

const SPEC = 'specs/001-login/spec.md';
const MALLORY: User = { login: 'mallory', id: 666, type: 'User' };
const BASE = { '.github/specgate.yml': CONFIG, '.specify/memory/constitution.md': CONSTITUTION };

/** A repository with one open PR (#1) on `001-login`; `spec` is committed after the PR exists, so it may name its number. */
function seed(spec: (number: number) => string = () => SPEC_WITH_MARKERS) {
  const repo = harness.standIn.state.addRepo('acme', 'product', BASE);
  repo.commit('001-login', { 'specs/001-login/README.md': '# Login\n' });
  const pull = repo.openPull('001-login');
  repo.commit('001-login', { [SPEC]: spec(pull.number) });
  repo.collaborators.set('maria', 'maintain');
  repo.collaborators.set('wes', 'write');
  return { repo, pull };
}

let commentIds = 80_000;
function comment(repo: Repo, number: number, body: string, login = 'mallory'): Record<string, unknown> {
  commentIds += 1;
  const id = commentIds;
  return examplePayload('issue_comment', 'created', repo, (payload) => {
    Object.assign(payload['issue'], { number, pull_request: { url: `https://api.github.com/repos/${repo.fullName}/pulls/${number}` } });
    Object.assign(payload['comment'], { id, body, user: { ...payload['comment'].user, login, type: 'User' } });
  });
}

const gate = (repo: Repo, sha: string, name = 'specgate / clarifications') => repo.checkRunsFor(sha, name).at(-1)!;
const specWith = (question: string) => SPEC_WITH_MARKERS.replace('how many failed attempts?', question);

test('a waiver marker echoed by the reply to `explain` does not waive the gate', async () => {
  const { repo, pull } = seed();
  await harness.deliver('pull_request', pullRequestEvent(repo, pull.number));
  expect(gate(repo, pull.headSha).conclusion).toBe('failure');
  const forged = '<!-- specgate:waiver {"gate":"clarifications","by":"maria","reason":"x","active":true} -->';
  await harness.deliver('issue_comment', comment(repo, pull.number, `/specgate explain ${forged}`));
  await harness.deliver('issue_comment', comment(repo, pull.number, '/specgate recheck'));

  expect(gate(repo, pull.headSha).conclusion).toBe('failure');
  expect(gate(repo, pull.headSha, 'specgate').output.summary).not.toMatch(/waived/i);
  const replies = repo.comments.filter((c) => c.user.type === 'Bot');
  expect(replies.length).toBeGreaterThan(0);
  expect(replies.filter((reply) => hasSpecgateMarker(reply.body))).toEqual([]);
});

test('an issue carrying a valid-looking clarification marker but written by someone else is never touched', async () => {
  const { repo, pull } = seed();
  const labels = ['specgate', 'needs-clarification'];
  const meta = (question: string, closedBy?: 'specgate') => ({ key: markerKey(SPEC, question), pr: pull.number, path: SPEC, line: 3, question, ...(closedBy ? { closedBy } : {}) });
  const marker = (m: object) => `<!-- specgate:clarification ${JSON.stringify(m)} -->`;
  // One for a question the spec no longer asks (specgate would close it), one "closed by specgate" for a question it asks (it would reopen it).
  const stale = repo.addIssue({ title: 'Clarify: stale', body: `Looks official.\n\n${marker(meta('which colour?'))}`, user: MALLORY, labels });
  const closed = repo.addIssue({ title: 'Clarify: providers', body: `Reopen me.\n\n${marker(meta('which identity providers are supported?', 'specgate'))}`, user: MALLORY, labels, state: 'closed', state_reason: 'completed' });
  const before = structuredClone([stale, closed]);

  await harness.deliver('pull_request', pullRequestEvent(repo, pull.number));
  await harness.deliver('issue_comment', comment(repo, pull.number, '/specgate recheck', 'wes'));

  expect([stale, closed]).toEqual(before);
  expect(repo.comments.filter((c) => c.issue_number === stale.number || c.issue_number === closed.number)).toEqual([]);
  const own = repo.realIssues().filter((issue) => issue.user.login === 'specgate[bot]');
  expect(own.map((issue) => [issue.state, decodeMeta(issue.body)?.question])).toEqual([
    ['open', 'which identity providers are supported?'],
    ['open', 'how many failed attempts?'],
  ]);
});

test('a clarification marker planted in a question opens exactly one issue and closes none over two rechecks', async () => {
  const { repo, pull } = seed((number) => specWith(
    `how many? \\<!-- specgate:clarification {"key":"planted","pr":${number},"path":"${SPEC}","line":1,"question":"q"} -->`,
  ));
  await harness.deliver('pull_request', pullRequestEvent(repo, pull.number));
  await harness.deliver('issue_comment', comment(repo, pull.number, '/specgate recheck', 'wes'));
  await harness.deliver('issue_comment', comment(repo, pull.number, '/specgate recheck', 'wes'));

  const issues = repo.realIssues();
  expect(issues.map((issue) => issue.state)).toEqual(['open', 'open']);
  const planted = issues.find((issue) => issue.body.includes('planted'))!;
  expect(decodeMeta(planted.body)?.key).not.toBe('planted');
  expect(planted.body.match(/<!--/g)).toHaveLength(1);
});

test('mentions and an unclosed fence in a question neither ping anyone nor swallow the issue body', async () => {
  const { repo, pull } = seed(() => specWith('```which team decides, @everyone or @acme/core?'));
  await harness.deliver('pull_request', pullRequestEvent(repo, pull.number));

  const issue = repo.realIssues().find((i) => i.title.includes('which team'))!;
  for (const text of [issue.title, issue.body]) expect(text).not.toMatch(/@(everyone|acme\/core)/);
  // No line opens a fence, so the link and the closing note after the quote render as written.
  expect(issue.body.split('\n').filter((line) => /^(>\s*)?(```|~~~)/.test(line))).toEqual([]);
  expect(issue.body).toMatch(/\[View the line\]\(https:\/\/github\.com\/acme\/product\/blob\//);
  expect(decodeMeta(issue.body)?.question).toBe('```which team decides, @everyone or @acme/core?');
});

test('a 70,000-character question opens an issue with a bounded body and the check concludes normally', async () => {
  // One long word: the engine is slow on long runs of short words (a separate issue), and the webhook would answer 202 before the gate ends.
  const question = `Which of ${'x'.repeat(70_000)}?`;
  const { repo, pull } = seed(() => specWith(question));
  await harness.deliver('pull_request', pullRequestEvent(repo, pull.number));

  const aggregate = gate(repo, pull.headSha, 'specgate');
  expect([aggregate.conclusion, aggregate.output.title]).toEqual(['failure', expect.stringMatching(/^Gates failed/)]);
  const issues = repo.realIssues();
  expect(issues).toHaveLength(2);
  expect(Math.max(...issues.map((issue) => issue.body.length))).toBeLessThanOrEqual(65_536);
  expect(Math.max(...issues.map((issue) => issue.title.length))).toBeLessThanOrEqual(256);
  // A second run finds the same issue: nothing is rewritten.
  const writes = harness.standIn.requests.filter((r) => r.write).length;
  await harness.deliver('pull_request', pullRequestEvent(repo, pull.number, 'synchronize'));
  expect(harness.standIn.requests.filter((r) => r.write).length).toBe(writes);
});

test('a waiver stops counting once the maintainer who recorded it loses the role', async () => {
  const { repo, pull } = seed();
  await harness.deliver('issue_comment', comment(repo, pull.number, '/specgate waive clarifications agreed in the review', 'maria'));
  expect(gate(repo, pull.headSha).conclusion).toBe('success');

  repo.collaborators.set('maria', 'write');
  await harness.deliver('issue_comment', comment(repo, pull.number, '/specgate recheck', 'wes'));
  expect(gate(repo, pull.headSha).conclusion).toBe('failure');
  // One role look-up per recorder, not per comment or gate.
  const lookups = harness.standIn.requests.filter((r) => r.route === 'GET /repos/{owner}/{repo}/collaborators/{username}/permission' && r.path.endsWith('/maria/permission'));
  expect(lookups).toHaveLength(3);
});
