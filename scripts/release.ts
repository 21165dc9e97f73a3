/**
 * Releases the version in package.json: checks that CHANGELOG.md has its dated section, that
 * the checkout is clean and that the committed dist/ is byte for byte a fresh build of the
 * sources, then tags HEAD `vX.Y.Z` (annotated) and moves the major tag `vX` to it (a stable
 * release that is the highest of its major only), and pushes both tags when given a remote.
 * .github/workflows/release.yml runs it; test/release/release.test.ts runs it on a temporary
 * repository.
 *
 * `tsx scripts/release.ts <X.Y.Z> [--remote origin] [--notes-file notes.md] [--dry-run]`
 * `tsx scripts/release.ts --check-dist` checks dist/ only.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** Semver 2.0.0 without build metadata: `1.2.3` or `1.2.3-rc.1`. */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

/** Writes a fresh build into the folder given and returns the files it wrote. */
export type Build = (outDir: string) => Promise<string[]>;

export interface ReleaseOptions {
  /** The version to release, as in package.json: `X.Y.Z` or `X.Y.Z-pre`. */
  version: string;
  /** The repository's work tree. */
  cwd: string;
  build: Build;
  /** Push the tags to this remote; none: tag locally only. */
  remote?: string;
  /** Check everything, create and push nothing. */
  dryRun?: boolean;
  /** Extra environment for git (the tagger's identity). */
  env?: NodeJS.ProcessEnv;
}

export interface ReleaseResult {
  tag: string;
  /** The major tag moved to the release; undefined for a prerelease or a patch of an older line. */
  major: string | undefined;
  sha: string;
  /** The CHANGELOG.md section of the version, for the GitHub release. */
  notes: string;
}

type Git = (...args: string[]) => string;

/** Runs every check, then tags and pushes; throws an Error naming the first check that failed. */
export async function release(options: ReleaseOptions): Promise<ReleaseResult> {
  const { version, cwd } = options;
  const git: Git = (...args) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] }).trimEnd();
  const parts = SEMVER.exec(version);
  if (!parts) throw new Error(`Unexpected version "${version}", expected X.Y.Z (semver, for example 0.1.0)`);
  const manifest = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as { version?: unknown };
  if (manifest.version !== version) throw new Error(`Unexpected version "${String(manifest.version)}" in package.json, expected "${version}"`);
  const notes = changelogSection(readFileSync(join(cwd, 'CHANGELOG.md'), 'utf8'), version);
  if (notes === undefined) throw new Error(`Unexpected CHANGELOG.md without a section "## [${version}] - YYYY-MM-DD", expected one`);
  assertClean(git);
  await assertDistFresh(cwd, options.build);
  const tag = `v${version}`;
  assertNewTag(git, tag, options.remote);
  const major = parts[4] === undefined && isHighestOfMajor(git, version) ? `v${parts[1]}` : undefined;
  const sha = git('rev-parse', 'HEAD');
  if (!options.dryRun) tagAndPush(git, { tag, major, remote: options.remote });
  return { tag, major, sha, notes };
}

/**
 * The body of `## [version] - YYYY-MM-DD` in a Keep a Changelog file, up to the next `## `
 * heading, trimmed; undefined when there is no such dated section.
 */
export function changelogSection(changelog: string, version: string): string | undefined {
  const lines = changelog.split(/\r?\n/);
  const heading = new RegExp(`^## \\[${version.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}\\] - \\d{4}-\\d{2}-\\d{2}\\s*$`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^## /.test(line) || /^\[[^\]]+\]:\s/.test(line));
  return rest.slice(0, end < 0 ? undefined : end).join('\n').trim();
}

/**
 * Builds into a temporary folder and compares each file with the one in `dist/` of `cwd`;
 * throws naming the first that differs or is missing.
 */
export async function assertDistFresh(cwd: string, build: Build): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'specgate-release-dist-'));
  try {
    for (const file of (await build(out)).sort()) {
      const committed = join(cwd, 'dist', basename(file));
      const missing = !existsSync(committed);
      if (missing || !readFileSync(file).equals(readFileSync(committed))) {
        throw new Error(`Unexpected stale dist/${basename(file)}${missing ? ' (missing)' : ''}, expected the bytes of a fresh build (run \`npm run build:action\` and commit dist/)`);
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Untracked files count: a dist/ file built but never committed would not be released. */
function assertClean(git: Git): void {
  const changes = git('status', '--porcelain', '--untracked-files=all').split('\n').filter(Boolean).map((line) => line.slice(3));
  if (changes.length > 0) throw new Error(`Unexpected uncommitted changes (${changes.join(', ')}), expected a clean checkout`);
}

function assertNewTag(git: Git, tag: string, remote: string | undefined): void {
  if (git('tag', '--list', tag)) throw new Error(`Unexpected existing tag ${tag}, expected a version not released yet`);
  if (remote && git('ls-remote', '--tags', remote, `refs/tags/${tag}`)) throw new Error(`Unexpected existing tag ${tag} on ${remote}, expected a version not released yet`);
}

/** True when no stable `vX.*.*` tag of the same major is higher than `version`. */
function isHighestOfMajor(git: Git, version: string): boolean {
  const [major] = version.split('.');
  const stable = git('tag', '--list', `v${major}.*`).split('\n').map((tag) => tag.slice(1)).filter((tag) => SEMVER.test(tag) && !tag.includes('-'));
  return stable.every((other) => compareStable(other, version) < 0);
}

/** Orders two stable `X.Y.Z` versions. */
function compareStable(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if ((x?.[i] ?? 0) !== (y?.[i] ?? 0)) return (x?.[i] ?? 0) - (y?.[i] ?? 0);
  return 0;
}

/** The version tag is new; the major tag is forced (`+`), and both go in one atomic push. */
function tagAndPush(git: Git, tags: { tag: string; major: string | undefined; remote: string | undefined }): void {
  git('tag', '-a', tags.tag, '-m', `specgate ${tags.tag}`);
  if (tags.major) git('tag', '-f', tags.major, 'HEAD');
  if (tags.remote) git('push', '--atomic', tags.remote, `refs/tags/${tags.tag}`, ...(tags.major ? [`+refs/tags/${tags.major}`] : []));
}

/** The command line; see the header. */
async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: {
    remote: { type: 'string' }, 'notes-file': { type: 'string' }, 'dry-run': { type: 'boolean' }, 'check-dist': { type: 'boolean' },
  } });
  const root = resolve(fileURLToPath(import.meta.url), '..', '..');
  const { buildAction } = await import('./build-action.js');
  if (values['check-dist']) {
    await assertDistFresh(root, buildAction);
    console.log('dist/ is a fresh build of the sources');
    return;
  }
  const version = positionals[0]?.replace(/^v/, '') ?? '';
  const result = await release({ version, cwd: root, build: buildAction, dryRun: values['dry-run'] ?? false, ...(values.remote ? { remote: values.remote } : {}) });
  if (values['notes-file']) writeFileSync(values['notes-file'], `${result.notes}\n`);
  const verb = values['dry-run'] ? 'would tag' : 'tagged';
  console.log(`${verb} ${result.tag}${result.major ? ` and ${result.major}` : ''} at ${result.sha}${values.remote && !values['dry-run'] ? `, pushed to ${values.remote}` : ''}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
