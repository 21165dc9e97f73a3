import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { type Repo } from '../support/github-standin/index.js';
import { useStandIn } from '../support/github-standin/use-stand-in.js';
import { prComment } from './support/payloads.js';
import { runAction } from './support/run-action.js';

const read = (path: string): string => readFileSync(path, 'utf8');
const SPEC = 'specs/001-export-csv/spec.md';
const CHECKLIST = 'specs/001-export-csv/checklists/requirements.md';
// Only the clarifications gate fails, so a waiver of it would turn the whole job green.
const files = { [SPEC]: read(`examples/action-failing/${SPEC}`), [CHECKLIST]: read(`examples/action-passing/${CHECKLIST}`) };
const WAIVE = '/specgate waive clarifications agreed offline';

const standIn = useStandIn();

let repos = 0;
let comments = 8_000;
function seed(): { repo: Repo; pull: ReturnType<Repo['openPull']> } {
  repos += 1;
  const repo = standIn.state.addRepo('acme', `commands-${repos}`, { 'README.md': '# Project\n' });
  repo.commit('feature', files);
  repo.collaborators.set('mona', 'maintain');
  return { repo, pull: repo.openPull('feature') };
}

async function commentOn(repo: Repo, pull: ReturnType<Repo['openPull']>, body: string, login = 'mona') {
  comments += 1;
  return runAction({ event: 'issue_comment', payload: prComment(repo, pull, body, login, comments), repository: repo.fullName, apiUrl: standIn.url });
}

const requestsTo = (repo: Repo) => standIn.requests.filter((request) => request.path.startsWith(`/repos/${repo.fullName}/`));
const gateRuns = (repo: Repo): number => requestsTo(repo).filter((request) => request.route === 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files').length;
const waiverRecords = (repo: Repo) => repo.comments.filter((c) => c.body.includes('specgate:waiver'));

describe('slash commands in the bundled Action', () => {
  it.each([
    ['a 4-space indented code block', `Try this:\n\n    ${WAIVE}\n`],
    ['a four-backtick fence that contains a three-backtick one', ['````markdown', '```', WAIVE, '```', '````'].join('\n')],
    ['a multi-line HTML comment', ['Looks fine.', '', '<!--', WAIVE, '-->'].join('\r\n')],
  ])('does not obey a waive hidden in %s', async (_form, body) => {
    const { repo, pull } = seed();
    const run = await commentOn(repo, pull, body);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/The comment holds no `\/specgate` command/);
    expect(waiverRecords(repo)).toEqual([]);
    expect(repo.reactions).toEqual([]);
    expect(gateRuns(repo)).toBe(0);
    expect(standIn.problems).toEqual([]);
  });

  it('answers 50 help lines with one reply, and 50 recheck lines with one gate run', async () => {
    const { repo, pull } = seed();
    const help = await commentOn(repo, pull, Array(50).fill('/specgate help').join('\n'), 'mallory');
    expect(help.code).toBe(0);
    expect(repo.comments.map((c) => c.body)).toEqual([expect.stringContaining('`/specgate recheck`')]);
    expect(repo.reactions).toHaveLength(1);

    const recheck = await commentOn(repo, pull, Array(50).fill('/specgate recheck').join('\n'), 'mallory');
    expect(recheck.code).toBe(1);
    expect(gateRuns(repo)).toBe(1);
    expect(repo.comments).toHaveLength(1);
    expect(standIn.problems).toEqual([]);
  });

  it('acts on at most 5 distinct commands and names the rest in its one reply', async () => {
    const { repo, pull } = seed();
    const body = ['/specgate help', '/specgate explain no-unresolved-clarifications', '/specgate recheck', '/specgate clarify',
      '/specgate unwaive clarifications', '/specgate frobnicate', '/specgate explain nothing-such'].join('\n');
    const run = await commentOn(repo, pull, body);
    expect(run.code).toBe(1);
    expect(gateRuns(repo)).toBe(1);
    const replies = repo.comments.filter((c) => !c.body.includes('specgate:waiver')).map((c) => c.body);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(/Ignored 2 commands: at most 5 distinct commands act per comment[^\n]*`\/specgate frobnicate` \(line 6\)/);
  });

  it('refuses a waive reason over 1,000 characters with a reply and records nothing', async () => {
    const { repo, pull } = seed();
    const run = await commentOn(repo, pull, `/specgate waive clarifications ${'because '.repeat(500)}`);
    expect(run.code).toBe(0);
    expect(repo.comments.map((c) => c.body)).toEqual([expect.stringMatching(/unexpected reason of 3,999 characters, expected at most 1,000/)]);
    expect(waiverRecords(repo)).toEqual([]);
    expect(gateRuns(repo)).toBe(0);
  });
});
