import { expect, test } from '@jest/globals';
import { readConfigChain } from '../../src/github/flows/index.js';
import { octokitFor } from '../github/octokit.js';
import { useStandIn } from '../support/github-standin/use-stand-in.js';

// The Action's config reader gives the App's `_extends` semantics (Probot's config plugin) through the API.
const standIn = useStandIn();
const PATH = '.github/specgate.yml';

function read(owner: string, repo: string) {
  const ref = standIn.state.repo(owner, repo)!.branches.get('main')!;
  return readConfigChain({ octokit: octokitFor(standIn), owner, repo, ref, path: PATH });
}

test('a single file keeps the line of each problem', async () => {
  standIn.state.addRepo('lines', 'product', { [PATH]: 'roots: [specs]\nfail-on: sometimes\n' });
  const loaded = await read('lines', 'product');
  expect(loaded).toMatchObject({ state: 'invalid', errors: [expect.objectContaining({ path: 'fail-on', line: 2 })] });
});

test('without a file of its own, a repository takes the owner\'s `.github` repository\'s', async () => {
  standIn.state.addRepo('org', '.github', { [PATH]: 'fail-on: warning\n' });
  standIn.state.addRepo('org', 'product', { 'README.md': '# Product\n' });
  const loaded = await read('org', 'product');
  expect([loaded.state, loaded.config['fail-on']]).toEqual(['valid', 'warning']);
});

test('`_extends` merges deeply: the repository\'s own keys win, lists are joined', async () => {
  standIn.state.addRepo('deep', 'base', { [PATH]: 'fail-on: warning\nexclude: ["docs/generated/**"]\nclarification-issues:\n  mode: command\n  max-per-pr: 3\n' });
  standIn.state.addRepo('deep', 'product', { [PATH]: '_extends: base\nexclude: ["vendor/**"]\nclarification-issues:\n  max-per-pr: 7\n' });
  const loaded = await read('deep', 'product');
  expect(loaded.state).toBe('valid');
  expect(loaded.config['fail-on']).toBe('warning');
  expect(loaded.config.exclude).toEqual(expect.arrayContaining(['docs/generated/**', 'vendor/**']));
  expect(loaded.config['clarification-issues']).toMatchObject({ mode: 'command', 'max-per-pr': 7 });
});

test('an `_extends` loop is an invalid config naming `_extends`, not a hang', async () => {
  standIn.state.addRepo('loop', 'one', { [PATH]: '_extends: two\n' });
  standIn.state.addRepo('loop', 'two', { [PATH]: '_extends: one\n' });
  const loaded = await read('loop', 'one');
  expect(loaded).toMatchObject({ state: 'invalid', errors: [expect.objectContaining({ path: '_extends' })] });
});

test('no file anywhere: the config is missing (the repository has not opted in by config)', async () => {
  standIn.state.addRepo('bare', 'product', { 'README.md': '# Product\n' });
  expect((await read('bare', 'product')).state).toBe('missing');
});
