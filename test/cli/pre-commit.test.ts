import { describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { makeRepo } from './support.js';

// What pre-commit does with .pre-commit-hooks.yaml: the staged files matching `files`, passed to `entry`.
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const [hook] = parse(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; files: string; pass_filenames: boolean; language: string }>;

/** `specgate` on PATH, as pre-commit's node environment installs it (bin/specgate.js runs the built CLI). */
function pathWithSpecgate(): string {
  const bin = mkdtempSync(join(tmpdir(), 'specgate-bin-'));
  symlinkSync(join(REPO, 'bin/specgate.js'), join(bin, 'specgate'));
  return `${bin}${delimiter}${process.env.PATH ?? ''}`;
}

function runHook(root: string, PATH: string) {
  const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' });
  const staged = git('diff', '--cached', '--name-only').split('\n').filter((path) => new RegExp(hook!.files).test(path));
  const [command, ...args] = hook!.entry.split(' ');
  return { staged, ...spawnSync(command!, [...args, ...staged], { cwd: root, encoding: 'utf8', env: { ...process.env, PATH } }) };
}

describe('.pre-commit-hooks.yaml', () => {
  it('declares the specgate hook for the node language, passing file names', () => {
    expect(hook).toMatchObject({ id: 'specgate', entry: 'specgate check', language: 'node', pass_filenames: true });
  });

  it('its entry checks the staged spec documents of a git repository and fails on an error', () => {
    const root = makeRepo({
      'specs/001-a/spec.md': '# Feature Specification: A\n\n[NEEDS CLARIFICATION: which users?]\n',
      'specs/002-b/spec.md': '# Feature Specification: B\n\n[NEEDS CLARIFICATION: unstaged, never read]\n',
      'README.md': '# Hello\n\n[NEEDS CLARIFICATION: not a spec]\n',
    });
    const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args]);
    git('init', '-q');
    git('add', 'specs/001-a/spec.md', 'README.md');
    const PATH = pathWithSpecgate();
    const failing = runHook(root, PATH);
    expect(failing.staged).toEqual(['specs/001-a/spec.md']);
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('specs/001-a/spec.md');
    expect(failing.stdout).not.toContain('002-b');

    git('reset', '-q');
    git('add', 'specs/002-b/spec.md');
    execFileSync('sh', ['-c', 'printf "# Feature Specification: B\\n\\nAll answered.\\n" > specs/002-b/spec.md && git add specs/002-b/spec.md'], { cwd: root });
    const passing = runHook(root, PATH);
    expect(passing.staged).toEqual(['specs/002-b/spec.md']);
    expect([passing.status, passing.stderr]).toEqual([0, '']);
  });
});
