import { describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main.js';

// The folders the CLI tests check, copied so each run starts without a cache.
const FOLDERS = readdirSync('examples', { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => `examples/${entry.name}`)
  .concat('test/fixtures/defects-repo');
const FILES = readdirSync('test/fixtures', { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.md') && !path.startsWith('defects-repo')).map((path) => `test/fixtures/${path}`);

async function cli(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { cwd, env: {}, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('worker threads and the cache', () => {
  it('give the report of the single-threaded run on the example and fixture folders and the fixture files', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'specgate-concurrency-'));
    for (const path of [...FOLDERS, ...FILES]) cpSync(resolve(path), join(copy, path), { recursive: true });
    const check = (...options: string[]) => cli(['check', ...FOLDERS, ...FILES, '--format', 'json', ...options], copy);

    const expected = await check('--concurrency', 'off');
    expect(JSON.parse(expected.stdout).documents.length).toBeGreaterThan(100);
    const runs = {
      threads: await check('--concurrency', '2'),
      cacheCold: await check('--concurrency', 'off', '--cache', '--cache-location', 'a'),
      cacheWarm: await check('--concurrency', 'off', '--cache', '--cache-location', 'a'),
      threadsCacheCold: await check('--concurrency', '2', '--cache', '--cache-location', 'b'),
      threadsCacheWarm: await check('--concurrency', '2', '--cache', '--cache-location', 'b'),
    };
    for (const [name, run] of Object.entries(runs)) expect({ name, ...run }).toEqual({ name, ...expected });
  });
});
