import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { useStandIn } from '../support/github-standin/use-stand-in.js';
import { pullRequestOpened } from './support/payloads.js';
import { runAction } from './support/run-action.js';

/** A document that cannot be fully checked fails the job, and its markers still count. */
const SPEC = 'specs/001-export-csv/spec.md';
const CHECKLIST = 'specs/001-export-csv/checklists/requirements.md';
const read = (path: string): string => readFileSync(path, 'utf8');

const standIn = useStandIn();

describe('the bundled Action fails closed', () => {
  it('fails a spec padded past max-file-size with a hidden comment, and still annotates its open markers', async () => {
    const padded = `${read(`examples/action-failing/${SPEC}`)}\n<!--${' padding'.repeat(1_000)} -->\n`;
    const repo = standIn.state.addRepo('acme', 'padded', { '.github/specgate.yml': 'max-file-size: 4096\n' });
    repo.commit('feature', { [SPEC]: padded, [CHECKLIST]: read(`examples/action-passing/${CHECKLIST}`) });
    const pull = repo.openPull('feature');

    const run = await runAction({ event: 'pull_request', payload: pullRequestOpened(repo, pull), repository: repo.fullName, apiUrl: standIn.url, inputs: { 'check-runs': 'never' } });

    expect(run.code).toBe(1);
    expect(run.outputs['conclusion']).toBe('failure');
    const errors = run.annotations.filter((a) => a.level === 'error' && a.properties['file'] === SPEC);
    expect(errors.map((a) => a.properties['title'])).toEqual(expect.arrayContaining(['specgate completeness: readable-document', 'specgate clarifications: no-unresolved-clarifications']));
    expect(errors.find((a) => a.properties['title'] === 'specgate completeness: readable-document')!.message).toMatch(/max-file-size/);
    expect(run.summary).toMatch(/completeness \| failure/);
    expect(standIn.problems).toEqual([]);
  });

  it.each([
    // 1,000 nested list levels, 1 MB: 26 s of parsing before the guard.
    ['too costly to parse', (spec: string) => `${spec}\n${Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- a`).join('\n')}\n`, /too costly to parse/],
  ])('fails a spec %s in bounded time, and still annotates its open markers', async (_shape, pad, why) => {
    const repo = standIn.state.addRepo('acme', 'costly', {});
    repo.commit('feature', { [SPEC]: pad(read(`examples/action-failing/${SPEC}`)), [CHECKLIST]: read(`examples/action-passing/${CHECKLIST}`) });
    const pull = repo.openPull('feature');
    const run = await runAction({ event: 'pull_request', payload: pullRequestOpened(repo, pull), repository: repo.fullName, apiUrl: standIn.url, inputs: { 'check-runs': 'never' } });
    expect(run.code).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error' && a.properties['file'] === SPEC);
    expect(errors.find((a) => a.properties['title'] === 'specgate completeness: readable-document')?.message).toMatch(why);
    expect(errors.filter((a) => a.properties['title'] === 'specgate clarifications: no-unresolved-clarifications').map((a) => a.properties['line'])).toEqual(['30', '31']);
    expect(standIn.problems).toEqual([]);
  });

  it('reads a spec longer than GraphQL returns whole: a marker past 512,000 bytes fails the job', async () => {
    const spec = `${read(`examples/action-failing/${SPEC}`)}\n<!--${' padding'.repeat(70_000)} -->\n\n- **FR-009**: System MUST name the file [NEEDS CLARIFICATION: after what?]\n`;
    const repo = standIn.state.addRepo('acme', 'long', {});
    repo.commit('feature', { [SPEC]: spec, [CHECKLIST]: read(`examples/action-passing/${CHECKLIST}`) });
    const pull = repo.openPull('feature');
    const run = await runAction({ event: 'pull_request', payload: pullRequestOpened(repo, pull), repository: repo.fullName, apiUrl: standIn.url, inputs: { 'check-runs': 'never' } });
    expect(run.code).toBe(1);
    const lines = run.annotations.filter((a) => a.level === 'error' && a.properties['title'] === 'specgate clarifications: no-unresolved-clarifications').map((a) => a.properties['line']);
    expect(lines).toContain(String(spec.split('\n').length - 1));
    expect(standIn.problems).toEqual([]);
  });
});
