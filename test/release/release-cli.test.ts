import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const IDENTITY = { GIT_AUTHOR_NAME: 'Release Test', GIT_AUTHOR_EMAIL: 'release@example.test', GIT_COMMITTER_NAME: 'Release Test', GIT_COMMITTER_EMAIL: 'release@example.test' };
const env = { ...process.env, ...IDENTITY };
const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', env }).trim();
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const MAJOR = `v${VERSION.split('.')[0]}`;

/** `tsx scripts/release.ts …` in the clone, as release.yml runs it: exit code, stdout, stderr. */
async function release(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/release.ts', ...args], { cwd, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// The release command line run on a clone of this repository's HEAD (its own package.json,
// CHANGELOG.md, sources and build), with a bare repository as `origin`.
describe('scripts/release.ts on a clone of this repository', () => {
  let root: string;
  let work: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'specgate-release-cli-'));
    work = join(root, 'work');
    git(root, 'clone', '-q', '--no-local', resolve('.'), work);
    git(root, 'init', '-q', '--bare', join(root, 'remote.git'));
    git(work, 'remote', 'set-url', 'origin', join(root, 'remote.git'));
    symlinkSync(resolve('node_modules'), join(work, 'node_modules'));
    appendFileSync(join(work, '.git', 'info', 'exclude'), '/node_modules\n');
    await run(process.execPath, ['--import', 'tsx', 'scripts/build-action.ts'], { cwd: work });
    git(work, 'add', 'dist');
    git(work, 'commit', '-q', '--allow-empty', '-m', 'Build dist/');
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses a stale dist/ with one line and exit 1', async () => {
    writeFileSync(join(work, 'dist', 'index.js'), 'stale\n');
    git(work, 'commit', '-q', '-am', 'Stale dist/');
    const result = await release(work, VERSION, '--remote', 'origin');
    git(work, 'reset', '-q', '--hard', 'HEAD~1');
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'Unexpected stale dist/index.js, expected the bytes of a fresh build (run `npm run build:action` and commit dist/)\n' });
    expect(git(work, 'tag')).toBe('');
  }, 60_000);

  it('--check-dist passes on the fresh build', async () => {
    expect(await release(work, '--check-dist')).toEqual({ code: 0, stdout: 'dist/ is a fresh build of the sources\n', stderr: '' });
  }, 60_000);

  it('--dry-run says what it would tag and tags nothing', async () => {
    const head = git(work, 'rev-parse', 'HEAD');
    expect(await release(work, VERSION, '--remote', 'origin', '--dry-run')).toEqual({ code: 0, stdout: `would tag v${VERSION} and ${MAJOR} at ${head}\n`, stderr: '' });
    expect(git(work, 'tag')).toBe('');
  }, 60_000);

  it('releases the version of package.json: both tags pushed, the CHANGELOG section written as the notes', async () => {
    const head = git(work, 'rev-parse', 'HEAD');
    const notes = join(root, 'notes.md');
    expect(await release(work, VERSION, '--remote', 'origin', '--notes-file', notes)).toEqual({ code: 0, stdout: `tagged v${VERSION} and ${MAJOR} at ${head}, pushed to origin\n`, stderr: '' });
    const remote = join(root, 'remote.git');
    expect([git(remote, 'tag', '--list'), git(remote, 'cat-file', '-t', `v${VERSION}`)]).toEqual([[MAJOR, `v${VERSION}`].sort().join('\n'), 'tag']);
    expect([git(remote, 'rev-list', '-n', '1', MAJOR), git(remote, 'rev-list', '-n', '1', `v${VERSION}`)]).toEqual([head, head]);
    expect(readFileSync(notes, 'utf8')).toMatch(/^The first release\.|^### /);
    expect(await release(work, VERSION, '--remote', 'origin')).toMatchObject({ code: 1, stderr: `Unexpected existing tag v${VERSION}, expected a version not released yet\n` });
  }, 60_000);
});
