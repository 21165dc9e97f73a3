import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** The files of a build: the entry, its chunks (named by content hash), package.json, licenses.txt. */
const filesOf = (dir: string): string[] => readdirSync(dir).sort();
const masked = (text: string): string => text.replace(/chunk-[A-Z0-9]{8}\.js/g, 'chunk.js');

describe('dist/', () => {
  it('matches a fresh build of the sources byte for byte (run `npm run build:action` when it does not)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'specgate-dist-'));
    try {
      await run(process.execPath, ['--import', 'tsx', 'scripts/build-action.ts', out], { cwd: process.cwd() });
      expect(filesOf(out)).toEqual(expect.arrayContaining(['index.js', 'package.json', 'licenses.txt']));
      // esbuild's chunk names hash more than the chunk's text (they differ between checkouts of the same
      // sources), so chunks are compared by their text with chunk names masked, not by name.
      const contents = (dir: string): string[] => filesOf(dir).map((file) => `${file.startsWith('chunk-') ? 'chunk' : file}\n${masked(readFileSync(join(dir, file), 'utf8'))}`).sort();
      const fresh = contents(out);
      const committed = contents('dist');
      expect({ files: committed.length, stale: false }).toEqual({ files: fresh.length, stale: false });
      for (const [i, text] of fresh.entries()) expect({ file: text.slice(0, text.indexOf('\n')), stale: text !== committed[i] }).toEqual({ file: text.slice(0, text.indexOf('\n')), stale: false });
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
