/**
 * `npm run demo`: builds the CLI when needed, then shows specgate on the bundled
 * example repository. Each step prints its own section; later steps (replaying a pull
 * request through the App) are appended to `STEPS`. The demo exits 0 when every step
 * ran, whatever the gates concluded: a failing gate is the point of the demo.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** One part of the demo; returns normally when it ran, throws when it could not. */
export interface DemoStep {
  title: string;
  run(): void;
}

/** The newest modification time of any file under a folder. */
function newestMtime(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((newest, entry) => Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs), 0);
}

/** Builds `build/` when it is missing or older than `src/`, so the demo never runs stale code. */
function ensureBuilt(): void {
  const entry = `${ROOT}build/bundle/index.js`;
  if (existsSync(entry) && statSync(entry).mtimeMs >= newestMtime(`${ROOT}src`)) return;
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  // tsc still emits on type errors; say so, and go on when the CLI was written.
  if (build.status !== 0) console.warn('warning: `npm run build` reported errors');
  if (!existsSync(entry)) throw new Error('`npm run build` did not produce build/bundle/index.js');
}

const checkExample: DemoStep = {
  title: 'specgate check examples/spec-kit-repo',
  run() {
    ensureBuilt();
    const result = spawnSync(process.execPath, ['bin/specgate.js', 'check', 'examples/spec-kit-repo'], { cwd: ROOT, encoding: 'utf8' });
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    const verdicts: Record<number, string> = { 0: 'every gate passes', 1: 'a gate fails (expected: the example has an open clarification and an open checklist item)' };
    const verdict = verdicts[result.status ?? -1];
    if (verdict === undefined) throw new Error(`specgate exited with ${result.status ?? result.signal}`);
    console.log(`\nExit code ${result.status}: ${verdict}.`);
  },
};

const replayPullRequest: DemoStep = {
  title: 'the bundled example pull request, replayed through the GitHub App against a local GitHub stand-in',
  run() {
    // The App is asynchronous (an HTTP server and webhooks); it runs in its own process.
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'test/app/replay-example.ts'], { cwd: ROOT, encoding: 'utf8' });
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    if (result.status !== 0) throw new Error(`the App replay exited with ${result.status ?? result.signal}`);
  },
};

/** The demo's steps, in order. */
export const STEPS: DemoStep[] = [checkExample, replayPullRequest];

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const step of STEPS) {
    console.log(`\n=== ${step.title} ===\n`);
    step.run();
  }
}
