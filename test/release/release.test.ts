import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changelogSection, release } from '../../scripts/release.js';

const IDENTITY = { GIT_AUTHOR_NAME: 'Release Test', GIT_AUTHOR_EMAIL: 'release@example.test', GIT_COMMITTER_NAME: 'Release Test', GIT_COMMITTER_EMAIL: 'release@example.test' };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...IDENTITY } }).trim();
}

const CHANGELOG = (versions: string[]): string => [
  '# Changelog', '', '## [Unreleased]', '',
  ...versions.flatMap((version) => [`## [${version}] - 2026-12-02`, '', '### Added', '', `- Everything of ${version}.`, '']),
  ...versions.map((version) => `[${version}]: https://example.test/releases/tag/v${version}`), '',
].join('\n');

/** A repository with a bare `origin`, the given version in package.json and CHANGELOG.md, and dist/ committed. */
function repository(root: string, version: string, versions = [version]): { work: string; remote: string } {
  const remote = join(root, 'remote.git');
  const work = join(root, 'work');
  git(root, 'init', '-q', '--bare', remote);
  git(root, 'init', '-q', '-b', 'main', work);
  git(work, 'remote', 'add', 'origin', remote);
  mkdirSync(join(work, 'dist'));
  writeFileSync(join(work, 'dist', 'index.js'), 'bundle\n');
  writeFileSync(join(work, 'dist', 'licenses.txt'), 'licences\n');
  commit(work, version, versions);
  return { work, remote };
}

function commit(work: string, version: string, versions = [version]): string {
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'specgate', version }, null, 2) + '\n');
  writeFileSync(join(work, 'CHANGELOG.md'), CHANGELOG(versions));
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '-m', `Release ${version}`);
  git(work, 'push', '-q', 'origin', 'main');
  return git(work, 'rev-parse', 'HEAD');
}

/** A build that writes what dist/ holds, or other bytes. */
const build = (files: Record<string, string> = { 'index.js': 'bundle\n', 'licenses.txt': 'licences\n' }) => async (out: string): Promise<string[]> =>
  Object.entries(files).map(([name, text]) => { writeFileSync(join(out, name), text); return join(out, name); });

const tagAt = (cwd: string, tag: string): string => git(cwd, 'rev-list', '-n', '1', `refs/tags/${tag}`);
const remoteTags = (cwd: string): string[] => git(cwd, 'ls-remote', '--tags', 'origin').split('\n').filter(Boolean).map((line) => line.split('\t')[1] ?? '').filter((ref) => !ref.endsWith('^{}')).sort();

let root: string;
beforeEach(() => { root = mkdtempSync(join(tmpdir(), 'specgate-release-')); });
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('release', () => {
  it('tags vX.Y.Z and moves vX to HEAD, pushes both, and returns the CHANGELOG section as the notes', async () => {
    const { work } = repository(root, '0.1.0');
    const head = git(work, 'rev-parse', 'HEAD');
    const result = await release({ version: '0.1.0', cwd: work, build: build(), remote: 'origin', env: IDENTITY });
    expect(result).toMatchObject({ tag: 'v0.1.0', major: 'v0', sha: head });
    expect(result.notes).toBe('### Added\n\n- Everything of 0.1.0.');
    expect([tagAt(work, 'v0.1.0'), tagAt(work, 'v0')]).toEqual([head, head]);
    expect(git(work, 'cat-file', '-t', 'refs/tags/v0.1.0')).toBe('tag');
    expect(remoteTags(work)).toEqual(['refs/tags/v0', 'refs/tags/v0.1.0']);
  });

  it('moves the major tag on to the next release and leaves the earlier version tag where it was', async () => {
    const { work } = repository(root, '0.1.0');
    const first = git(work, 'rev-parse', 'HEAD');
    await release({ version: '0.1.0', cwd: work, build: build(), remote: 'origin', env: IDENTITY });
    const second = commit(work, '0.2.0', ['0.2.0', '0.1.0']);
    await release({ version: '0.2.0', cwd: work, build: build(), remote: 'origin', env: IDENTITY });
    expect([tagAt(work, 'v0.1.0'), tagAt(work, 'v0.2.0'), tagAt(work, 'v0')]).toEqual([first, second, second]);
    expect(git(work, 'ls-remote', 'origin', 'refs/tags/v0').split('\t')[0]).toBe(second);
  });

  it('does not move the major tag back for a patch of an older line, nor for a prerelease', async () => {
    const { work } = repository(root, '0.2.0');
    await release({ version: '0.2.0', cwd: work, build: build(), remote: 'origin', env: IDENTITY });
    const latest = tagAt(work, 'v0');
    commit(work, '0.1.5', ['0.1.5', '0.2.0']);
    expect(await release({ version: '0.1.5', cwd: work, build: build(), remote: 'origin', env: IDENTITY })).toMatchObject({ tag: 'v0.1.5', major: undefined });
    commit(work, '1.0.0-rc.1', ['1.0.0-rc.1', '0.2.0']);
    expect(await release({ version: '1.0.0-rc.1', cwd: work, build: build(), remote: 'origin', env: IDENTITY })).toMatchObject({ tag: 'v1.0.0-rc.1', major: undefined });
    expect(tagAt(work, 'v0')).toBe(latest);
    expect(remoteTags(work)).toEqual(['refs/tags/v0', 'refs/tags/v0.1.5', 'refs/tags/v0.2.0', 'refs/tags/v1.0.0-rc.1']);
  });

  it('without a remote tags locally and pushes nothing', async () => {
    const { work } = repository(root, '0.1.0');
    await release({ version: '0.1.0', cwd: work, build: build(), env: IDENTITY });
    expect(tagAt(work, 'v0')).toBe(git(work, 'rev-parse', 'HEAD'));
    expect(remoteTags(work)).toEqual([]);
  });

  it.each([
    ['a version that is not X.Y.Z', { version: '0.1' }, /Unexpected version "0\.1", expected X\.Y\.Z/],
    ['a version package.json does not have', { version: '0.2.0' }, /Unexpected version "0\.1\.0" in package\.json, expected "0\.2\.0"/],
  ])('refuses %s and tags nothing', async (_name, options, message) => {
    const { work } = repository(root, '0.1.0');
    await expect(release({ cwd: work, build: build(), remote: 'origin', env: IDENTITY, ...options })).rejects.toThrow(message);
    expect(git(work, 'tag')).toBe('');
  });

  it('refuses a version the CHANGELOG has no dated section for', async () => {
    const { work } = repository(root, '0.1.0', []);
    await expect(release({ version: '0.1.0', cwd: work, build: build(), env: IDENTITY })).rejects.toThrow(/Unexpected CHANGELOG\.md without a section "## \[0\.1\.0\] - YYYY-MM-DD", expected one/);
    expect(git(work, 'tag')).toBe('');
  });

  it('refuses a stale dist/, naming the file, and a build output dist/ does not hold', async () => {
    const { work } = repository(root, '0.1.0');
    await expect(release({ version: '0.1.0', cwd: work, build: build({ 'index.js': 'other bundle\n', 'licenses.txt': 'licences\n' }), env: IDENTITY }))
      .rejects.toThrow(/Unexpected stale dist\/index\.js, expected the bytes of a fresh build \(run `npm run build:action` and commit dist\/\)/);
    await expect(release({ version: '0.1.0', cwd: work, build: build({ 'index.js': 'bundle\n', 'licenses.txt': 'licences\n', 'package.json': '{}\n' }), env: IDENTITY }))
      .rejects.toThrow(/Unexpected stale dist\/package\.json \(missing\)/);
    expect(git(work, 'tag')).toBe('');
  });

  it('refuses uncommitted changes (dist/ built but not committed included)', async () => {
    const { work } = repository(root, '0.1.0');
    writeFileSync(join(work, 'dist', 'licenses.txt'), 'new licences\n');
    await expect(release({ version: '0.1.0', cwd: work, build: build(), env: IDENTITY })).rejects.toThrow(/Unexpected uncommitted changes \(dist\/licenses\.txt\), expected a clean checkout/);
    expect(git(work, 'tag')).toBe('');
  });

  it('refuses a version already tagged, here or on the remote', async () => {
    const { work, remote } = repository(root, '0.1.0');
    git(work, 'tag', 'v0.1.0');
    await expect(release({ version: '0.1.0', cwd: work, build: build(), env: IDENTITY })).rejects.toThrow(/Unexpected existing tag v0\.1\.0, expected a version not released yet/);
    git(work, 'push', '-q', 'origin', 'v0.1.0');
    git(work, 'tag', '-d', 'v0.1.0');
    await expect(release({ version: '0.1.0', cwd: work, build: build(), remote: 'origin', env: IDENTITY })).rejects.toThrow(/Unexpected existing tag v0\.1\.0 on origin/);
    expect(git(remote, 'tag')).toBe('v0.1.0');
  });

  it('dry run checks everything and tags nothing', async () => {
    const { work } = repository(root, '0.1.0');
    expect(await release({ version: '0.1.0', cwd: work, build: build(), remote: 'origin', dryRun: true, env: IDENTITY })).toMatchObject({ tag: 'v0.1.0', major: 'v0' });
    expect(git(work, 'tag')).toBe('');
  });
});

describe('changelogSection', () => {
  it('reads the section of one version up to the next heading of its level', () => {
    const text = readFileSync(join(process.cwd(), 'CHANGELOG.md'), 'utf8');
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { version: string };
    expect(changelogSection(text, pkg.version)?.length).toBeGreaterThan(100);
    expect(changelogSection(CHANGELOG(['0.2.0', '0.1.0']), '0.2.0')).toBe('### Added\n\n- Everything of 0.2.0.');
    expect(changelogSection(CHANGELOG(['0.1.0']), '0.1')).toBeUndefined();
  });
});
