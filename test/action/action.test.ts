import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waiverBody } from '../../src/github/index.js';
import { type Repo } from '../support/github-standin/index.js';
import { useStandIn } from '../support/github-standin/use-stand-in.js';
import { mergeGroup, pullRequestOpened, prComment, pushToDefault } from './support/payloads.js';
import { runAction } from './support/run-action.js';

const read = (path: string): string => readFileSync(path, 'utf8');
const SPEC = 'specs/001-export-csv/spec.md';
const CHECKLIST = 'specs/001-export-csv/checklists/requirements.md';
const failing = { [SPEC]: read(`examples/action-failing/${SPEC}`), [CHECKLIST]: read(`examples/action-failing/${CHECKLIST}`) };
const passing = { [SPEC]: read(`examples/action-passing/${SPEC}`), [CHECKLIST]: read(`examples/action-passing/${CHECKLIST}`) };

const standIn = useStandIn();

let repos = 0;
/** A fresh repository with one PR whose branch adds `files`. */
function seed(files: Record<string, string>, base: Record<string, string> = {}): { repo: Repo; pull: ReturnType<Repo['openPull']> } {
  repos += 1;
  const repo = standIn.state.addRepo('acme', `specs-${repos}`, { 'README.md': '# Project\n', ...base });
  repo.commit('feature', files);
  return { repo, pull: repo.openPull('feature') };
}

const writesTo = (repo: Repo) => standIn.requests.filter((request) => request.write && request.path.startsWith(`/repos/${repo.fullName}/`));

// Each case has a repository of its own and the Action runs as a child process, so the cases
// run side by side: most of a run is its writes paced a second apart, as GitHub asks.
// Per-case hooks do not run for concurrent cases: each checks the stand-in's problems itself.
describe('the bundled Action against the GitHub stand-in', () => {
  it.concurrent('fails the job on a failing PR: annotations, summary, outputs, SARIF, check runs and one issue per clarification', async () => {
    const { repo, pull } = seed(failing);
    const sarif = join(tmpdir(), `specgate-${repo.name}-${process.pid}.sarif`);
    const run = await runAction({ event: 'pull_request', payload: pullRequestOpened(repo, pull), repository: repo.fullName, apiUrl: standIn.url, inputs: { 'sarif-file': sarif } });

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::specgate: 2 gate\(s\) failed: clarifications, checklists/);
    expect(run.annotations.filter((a) => a.level === 'error' && a.properties.file === SPEC).map((a) => a.properties.line)).toEqual(['30', '31']);
    expect(run.summary).toMatch(/## specgate: failure/);
    expect(run.summary).toMatch(/\| ❌ clarifications \| failure \| 2 errors \|/);
    // One summary entry for the two markers of the spec; one annotation each.
    expect(run.summary).toMatch(/spec\.md:30` Unexpected unresolved clarification .* \(2 findings, lines 30, 31\)/);
    expect(run.outputs).toMatchObject({ conclusion: 'failure', findings: '4' });
    const report = JSON.parse(read(run.outputs.report!)) as { conclusion: string; documents: { path: string }[] };
    expect(report.conclusion).toBe('failure');
    expect(report.documents.map((d) => d.path)).toEqual([CHECKLIST, SPEC]);
    expect(JSON.parse(read(sarif)).runs[0].results).toHaveLength(4);

    expect(repo.checkRunsFor(pull.headSha, 'specgate').map((r) => r.conclusion)).toEqual(['failure']);
    expect(repo.checkRunsFor(pull.headSha, 'specgate / clarifications')[0]?.annotations).toHaveLength(2);
    expect(repo.realIssues().map((issue) => [issue.state, issue.title])).toEqual([
      ['open', '[001-export-csv] Clarify: which delimiter, comma or semicolon?'],
      ['open', '[001-export-csv] Clarify: which file name pattern?'],
    ]);
    expect(standIn.problems).toEqual([]);

    // A second run on the same head writes no duplicate run or issue.
    const again = await runAction({ event: 'pull_request', payload: pullRequestOpened(repo, pull), repository: repo.fullName, apiUrl: standIn.url });
    expect(again.code).toBe(1);
    expect(repo.checkRunsFor(pull.headSha, 'specgate')).toHaveLength(1);
    expect(repo.realIssues()).toHaveLength(2);
  });

  it.concurrent('passes a clean PR and opens no issue', async () => {
    const { repo, pull } = seed(passing);
    const run = await runAction({ event: 'pull_request', payload: pullRequestOpened(repo, pull), repository: repo.fullName, apiUrl: standIn.url });
    expect(run.code).toBe(0);
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(run.outputs).toMatchObject({ conclusion: 'success', findings: '0' });
    expect(run.summary).toMatch(/## specgate: success/);
    expect(repo.checkRunsFor(pull.headSha, 'specgate').map((r) => r.conclusion)).toEqual(['success']);
    expect(repo.realIssues()).toEqual([]);
    expect(standIn.problems).toEqual([]);
  });

  it.concurrent('degrades on a fork PR with a read-only token: no writes tried, one line saying why, the job still fails', async () => {
    const { repo, pull } = seed(failing);
    const run = await runAction({ event: 'pull_request', payload: pullRequestOpened(repo, pull, { fork: true }), repository: repo.fullName, apiUrl: standIn.url });
    expect(run.code).toBe(1);
    expect(writesTo(repo)).toEqual([]);
    expect(run.summary).toMatch(/Read-only token: this pull request comes from a fork/);
    expect(run.annotations.filter((a) => a.level === 'error' && a.properties.file)).toHaveLength(4);
    expect(standIn.problems).toEqual([]);
  });

  it.concurrent('turns a 403 on writes into one line, not a stack trace, when check runs are forced on a fork', async () => {
    const { repo, pull } = seed(failing);
    standIn.faults.push({ method: 'POST', path: new RegExp(`^/repos/${repo.fullName}/`), status: 403, times: 50 });
    const run = await runAction({ event: 'pull_request', payload: pullRequestOpened(repo, pull, { fork: true }), repository: repo.fullName, apiUrl: standIn.url, inputs: { 'check-runs': 'always' } });
    standIn.faults.length = 0;
    expect(run.code).toBe(1);
    expect(writesTo(repo).map((request) => request.status)).toEqual([403]);
    expect(run.summary).toMatch(/Could not publish check runs: the token may not \(HTTP 403; grant `checks: write`\)/);
    expect(run.stdout + run.stderr).not.toMatch(/HttpError|at .*\.js:\d+/);
    expect(run.outputs.conclusion).toBe('failure');
    expect(standIn.problems).toEqual([]);
  });

  it.concurrent('gates a merge-queue commit and concludes its check run', async () => {
    const { repo, pull } = seed(failing);
    const run = await runAction({ event: 'merge_group', payload: mergeGroup(repo, pull.baseSha, pull.headSha), repository: repo.fullName, apiUrl: standIn.url });
    expect(run.code).toBe(1);
    expect(repo.checkRunsFor(pull.headSha, 'specgate').map((r) => r.conclusion)).toEqual(['failure']);
    expect(repo.realIssues()).toEqual([]);
    expect(standIn.problems).toEqual([]);
  });

  it.concurrent('writes nothing in dry-run mode and says what it would have written', async () => {
    const { repo, pull } = seed(failing);
    const run = await runAction({ event: 'pull_request', payload: pullRequestOpened(repo, pull), repository: repo.fullName, apiUrl: standIn.url, inputs: { 'dry-run': 'true' } });
    expect(run.code).toBe(1);
    expect(writesTo(repo)).toEqual([]);
    expect(run.summary).toMatch(/Dry run: would publish check runs\./);
    expect(run.summary).toMatch(/Dry run: would open or update clarification issues\./);
    expect(standIn.problems).toEqual([]);
  });

  it.concurrent('reports an invalid config at its line, concludes the check run and fails the job', async () => {
    const { repo, pull } = seed(passing, { '.github/specgate.yml': 'roots: [specs]\nfail-on: sometimes\n' });
    const run = await runAction({ event: 'pull_request_target', payload: pullRequestOpened(repo, pull), repository: repo.fullName, apiUrl: standIn.url });
    expect(run.code).toBe(1);
    expect(run.annotations).toContainEqual(expect.objectContaining({ level: 'error', properties: expect.objectContaining({ file: '.github/specgate.yml', line: '2' }) }));
    expect(run.stdout).toMatch(/::error::Invalid configuration in `\.github\/specgate\.yml`/);
    expect(run.summary).toMatch(/invalid configuration/);
    const [check] = repo.checkRunsFor(pull.headSha, 'specgate');
    expect([check?.conclusion, check?.output.title]).toEqual(['failure', 'Invalid configuration']);
    expect(standIn.problems).toEqual([]);
  });

  it.concurrent('answers slash commands: help replies, a waive by a maintainer lets the waived gate pass', async () => {
    const { repo, pull } = seed({ [SPEC]: failing[SPEC]!, [CHECKLIST]: passing[CHECKLIST]! });
    repo.collaborators.set('mona', 'maintain');
    const help = await runAction({ event: 'issue_comment', payload: prComment(repo, pull, '/specgate help', 'mona', 7001), repository: repo.fullName, apiUrl: standIn.url });
    expect(help.code).toBe(0);
    expect(repo.reactions.map((r) => [r.comment_id, r.content])).toEqual([[7001, 'eyes']]);
    expect(repo.comments.at(-1)?.body).toMatch(/`\/specgate recheck`/);

    const body = '/specgate waive clarifications Answers agreed in the design review';
    const waive = await runAction({ event: 'issue_comment', payload: prComment(repo, pull, body, 'mona', 7002), repository: repo.fullName, apiUrl: standIn.url });
    expect(waive.code).toBe(0);
    expect(waive.summary).toMatch(/Gate `clarifications` is waived on this pull request by @\u200Bmona/);
    expect(repo.checkRunsFor(pull.headSha, 'specgate / clarifications')[0]?.conclusion).toBe('success');
    expect(standIn.problems).toEqual([]);
  });

  it.concurrent('trusts waiver markers only from its own bot login (`bot-login`, default github-actions[bot])', async () => {
    const { repo, pull } = seed({ [SPEC]: failing[SPEC]!, [CHECKLIST]: passing[CHECKLIST]! });
    // Another bot echoing user text posts a record exactly as specgate composes one, by a maintainer.
    repo.collaborators.set('mona', 'maintain');
    const forged = waiverBody({ gate: 'clarifications', by: 'mona', reason: 'echoed', active: true });
    repo.comments.push({ id: repo.nextId(), issue_number: pull.number, body: forged, user: { login: 'echo-bot[bot]', id: 77, type: 'Bot' } });
    const ignored = await runAction({ event: 'pull_request', payload: pullRequestOpened(repo, pull), repository: repo.fullName, apiUrl: standIn.url, inputs: { 'check-runs': 'never' } });
    expect(ignored.code).toBe(1);
    expect(ignored.summary).not.toMatch(/is waived/);
    // The same comment counts once `bot-login` names its author (an App token writing as that bot).
    const trusted = await runAction({ event: 'pull_request', payload: pullRequestOpened(repo, pull), repository: repo.fullName, apiUrl: standIn.url, inputs: { 'check-runs': 'never', 'bot-login': 'echo-bot[bot]' } });
    expect(trusted.code).toBe(0);
    expect(trusted.summary).toMatch(/Gate `clarifications` is waived on this pull request by @\u200Bmona: echoed/);
    expect(standIn.problems).toEqual([]);
  });

  it.concurrent('refuses a waive from a write-only collaborator with a reply', async () => {
    const { repo, pull } = seed(failing);
    repo.collaborators.set('hubot', 'write');
    const run = await runAction({ event: 'issue_comment', payload: prComment(repo, pull, '/specgate waive checklists because', 'hubot', 7003), repository: repo.fullName, apiUrl: standIn.url });
    expect(run.code).toBe(0);
    expect(repo.comments.at(-1)?.body).toMatch(/needs the maintain or admin role on this repository \(yours: `write`\)/);
    expect(repo.checkRunsFor(pull.headSha)).toEqual([]);
    expect(standIn.problems).toEqual([]);
  });

  it.concurrent('closes the issue whose clarification was answered on the default branch, and only that one', async () => {
    const { repo, pull } = seed(failing);
    await runAction({ event: 'pull_request', payload: pullRequestOpened(repo, pull), repository: repo.fullName, apiUrl: standIn.url });
    expect(repo.realIssues().filter((issue) => issue.state === 'open')).toHaveLength(2);
    const before = repo.branches.get('main')!;
    const answered = failing[SPEC]!.replace('[NEEDS CLARIFICATION: which file name pattern?]', '`report-YYYY-MM.csv`');
    const after = repo.commit('main', { ...failing, [SPEC]: answered });
    const run = await runAction({ event: 'push', payload: pushToDefault(repo, before, after), repository: repo.fullName, apiUrl: standIn.url });
    expect(run.code).toBe(0);
    expect(repo.realIssues().map((issue) => [issue.title.replace(/^.*Clarify: /, ''), issue.state, issue.state_reason])).toEqual([
      ['which delimiter, comma or semicolon?', 'open', null],
      ['which file name pattern?', 'closed', 'completed'],
    ]);
    expect(standIn.problems).toEqual([]);
  });

  it.concurrent('closes the clarification issues of a PR closed without merging, as not planned', async () => {
    const { repo, pull } = seed(failing);
    await runAction({ event: 'pull_request', payload: pullRequestOpened(repo, pull), repository: repo.fullName, apiUrl: standIn.url });
    const payload = pullRequestOpened(repo, pull);
    payload.action = 'closed';
    const run = await runAction({ event: 'pull_request', payload, repository: repo.fullName, apiUrl: standIn.url });
    expect(run.code).toBe(0);
    expect(repo.realIssues().map((issue) => [issue.state, issue.state_reason])).toEqual([['closed', 'not_planned'], ['closed', 'not_planned']]);
    expect(standIn.problems).toEqual([]);
  });
});
