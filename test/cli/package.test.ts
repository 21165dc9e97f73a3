import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The package as a user gets it: `npm pack`, then the tarball installed in an empty folder.
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const TSC = join(REPO, 'node_modules/.bin/tsc');
const TSX = join(REPO, 'node_modules/.bin/tsx');
let work: string;
let consumer: string;
let packed: { filename: string; files: Array<{ path: string }> };

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'specgate-pack-'));
  // What `prepare` does before packing (tsc -p tsconfig.build.json, then the CLI bundle), into a copy of
  // the package's files, so the checkout's own build/ (which `npm start` runs) is never rewritten under other tests.
  const stage = join(work, 'stage');
  mkdirSync(stage);
  for (const entry of ['package.json', 'README.md', 'LICENSE', 'bin', 'dist', 'schema', 'action.yml', 'app.yml']) cpSync(join(REPO, entry), join(stage, entry), { recursive: true });
  execFileSync(TSC, ['-p', join(REPO, 'tsconfig.build.json'), '--outDir', join(stage, 'build')], { cwd: REPO, stdio: 'ignore' });
  execFileSync(TSX, [join(REPO, 'scripts/build-cli.ts'), join(stage, 'build', 'bundle')], { cwd: REPO, stdio: 'ignore' });
  packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work, '--json'], { cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0];
  consumer = join(work, 'consumer');
  mkdirSync(join(consumer, 'specs/001-a'), { recursive: true });
  writeFileSync(join(consumer, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n');
  writeFileSync(join(consumer, 'specs/001-a/spec.md'), '# Feature Specification: A\n\n[NEEDS CLARIFICATION: which users?]\n');
  // Offline where the cache holds the dependencies, as it does after the project's own install.
  execFileSync('npm', ['install', join(work, packed.filename), '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: consumer, stdio: 'ignore' });
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the npm package', () => {
  it('ships no source maps, and every file it ships is one the package needs', () => {
    const paths = packed.files.map((file) => file.path);
    expect(paths.filter((path) => path.endsWith('.map'))).toEqual([]);
    expect(paths.filter((path) => path.startsWith('src/') || path.startsWith('test/'))).toEqual([]);
    for (const path of ['build/index.js', 'build/index.d.ts', 'build/cli/index.js', 'build/bundle/index.js', 'build/bundle/parse-worker.js', 'bin/specgate.js', 'schema/specgate.schema.json', 'package.json']) expect(paths).toContain(path);
  });

  it('names its repository, homepage and issue tracker', () => {
    const manifest = JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("specgate/package.json"))'], { cwd: consumer, encoding: 'utf8' }));
    expect(manifest.repository.url).toMatch(/github\.com\/.+\.git$/);
    expect(manifest.homepage).toMatch(/^https:\/\//);
    expect(manifest.bugs.url).toMatch(/\/issues$/);
  });

  it('`npx specgate check` works in the installing folder', () => {
    const result = spawnSync('npx', ['--no-install', 'specgate', 'check', '--format', 'json'], { cwd: consumer, encoding: 'utf8' });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.documents).toEqual([expect.objectContaining({ path: 'specs/001-a/spec.md', kind: 'spec' })]);
    expect(report.gates[0].findings[0]).toMatchObject({ rule: 'no-unresolved-clarifications', line: 3 });
    // A worker thread parses the file: the bundle's worker entry and piscina resolve from the installed package.
    const threaded = spawnSync('npx', ['--no-install', 'specgate', 'check', '--format', 'json', '--concurrency', '1'], { cwd: consumer, encoding: 'utf8' });
    expect([threaded.status, threaded.stdout]).toEqual([1, result.stdout]);
    expect(spawnSync('npx', ['--no-install', 'specgate', '--version'], { cwd: consumer, encoding: 'utf8' }).stdout).toBe('0.1.0\n');
  });

  it('`import(\'specgate\')` gives the engine API', () => {
    const script = "const m = await import('specgate'); const r = m.evaluate({ files: [], config: m.defaultConfig() }); console.log(r.conclusion, typeof m.renderSarif, m.rules.length > 0);";
    expect(execFileSync('node', ['--input-type=module', '-e', script], { cwd: consumer, encoding: 'utf8' })).toBe('neutral function true\n');
  });

  it('has type declarations: a typed use compiles and a wrong one does not', () => {
    const tsc = (source: string) => {
      writeFileSync(join(consumer, 'use.ts'), source);
      return spawnSync(TSC, ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', 'use.ts'], { cwd: consumer, encoding: 'utf8' });
    };
    const good = "import { evaluate, defaultConfig, type Report } from 'specgate';\nconst report: Report = evaluate({ files: [], config: defaultConfig() });\nexport const conclusion: 'success' | 'failure' | 'neutral' = report.conclusion;\n";
    expect(tsc(good).stdout).toBe('');
    const wrong = "import { evaluate, defaultConfig } from 'specgate';\nexport const n: number = evaluate({ files: [], config: defaultConfig() }).conclusion;\n";
    expect(tsc(wrong).stdout).toMatch(/TS2322/);
  });
});
