import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** The files of a build: the entry, its chunks (named by content hash), package.json, licenses.txt. */
const filesOf = (dir: string): string[] => readdirSync(dir).sort();

describe('dist/', () => {
  it('matches a fresh build of the sources byte for byte (run `npm run build:action` when it does not)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'specgate-dist-'));
    try {
      await run(process.execPath, ['--import', 'tsx', 'scripts/build-action.ts', out], { cwd: process.cwd() });
      expect(filesOf(out)).toEqual(expect.arrayContaining(['index.js', 'package.json', 'licenses.txt']));
      expect({ files: filesOf('dist'), stale: false }).toEqual({ files: filesOf(out), stale: false });
      for (const file of filesOf(out)) {
        const fresh = readFileSync(join(out, file));
        const committed = readFileSync(join('dist', file));
        expect({ file, stale: !fresh.equals(committed) }).toEqual({ file, stale: false });
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('builds deterministically: two builds give identical bytes', async () => {
    const a = mkdtempSync(join(tmpdir(), 'specgate-dist-a-'));
    const b = mkdtempSync(join(tmpdir(), 'specgate-dist-b-'));
    try {
      await Promise.all([a, b].map((out) => run(process.execPath, ['--import', 'tsx', 'scripts/build-action.ts', out])));
      expect(filesOf(a)).toEqual(filesOf(b));
      for (const file of filesOf(a)) expect({ file, same: readFileSync(join(a, file)).equals(readFileSync(join(b, file))) }).toEqual({ file, same: true });
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });
});
