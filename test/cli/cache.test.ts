import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HELP } from '../../src/cli/args.js';
import { main } from '../../src/cli/main.js';
import { makeRepo } from './support.js';

const CONFIG = '.github/specgate.yml';

function repo(): string {
  return makeRepo({
    [CONFIG]: 'roots: ["specs"]\n',
    'specs/001-a/spec.md': '# Feature Specification: A\n\n## Requirements\n\n- Works offline.\n',
    'specs/001-a/tasks.md': '# Tasks\n\n- [x] T001 Write the spec\n',
    'specs/002-b/spec.md': '# Feature Specification: B\n\nNothing to clarify.\n',
  });
}

async function cli(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string; counts: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { cwd, env: { SPECGATE_DEBUG_CACHE: '1' }, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  const counts = /specgate: cache (.*)\n/.exec(stderr)?.[1] ?? '';
  return { code, stdout, stderr: stderr.replace(/specgate: cache .*\n/, ''), counts };
}

const CHECK = ['check', '--cache', '--format', 'json', '--concurrency', 'off'];

describe('check --cache', () => {
  it('parses every document once, then replays the unchanged run with the same output', async () => {
    const root = repo();
    const plain = await cli(['check', '--format', 'json'], root);
    const cold = await cli(CHECK, root);
    const warm = await cli(CHECK, root);
    expect(cold.counts).toBe('0 hits, 3 parsed, findings of 0 documents kept, 3 of 3 files read');
    expect(warm.counts).toBe("3 hits, 0 parsed (last run's output, 3 of 3 files read)");
    for (const run of [cold, warm]) expect([run.code, run.stdout, run.stderr]).toEqual([plain.code, plain.stdout, plain.stderr]);
    expect(readdirSync(join(root, 'node_modules/.cache/specgate/models'))).toHaveLength(3);
  });

  it('re-parses a changed file only, and its findings change', async () => {
    const root = repo();
    await cli(CHECK, root);
    writeFileSync(join(root, 'specs/002-b/spec.md'), '# Feature Specification: B\n\n[NEEDS CLARIFICATION: which users?]\n');
    const changed = await cli(CHECK, root);
    expect(changed.counts).toBe('0 hits, 1 parsed, findings of 2 documents kept, 3 of 3 files read');
    expect(changed.stdout).toContain('no-unresolved-clarifications');
    expect(changed.stdout).toBe((await cli(['check', '--format', 'json'], root)).stdout);
  });

  it('reads again only the files whose stamp changed, and trusts no stamp of a file changed just before the run', async () => {
    const root = repo();
    const spec = join(root, 'specs/002-b/spec.md');
    // Stamps are only trusted for files last changed more than two seconds before the run read them.
    await new Promise((done) => setTimeout(done, 2100));
    await cli(CHECK, root);
    expect((await cli(CHECK, root)).counts).toBe("3 hits, 0 parsed (last run's output, 0 of 3 files read)");

    // Same size and modification time as before, other bytes: the change time still tells.
    const { mtime, atime } = statSync(spec);
    const before = readFileSync(spec, 'utf8');
    writeFileSync(spec, before.replace('Nothing', 'Nobody!'));
    utimesSync(spec, atime, mtime);
    expect(statSync(spec).size).toBe(Buffer.byteLength(before));
    const changed = await cli(CHECK, root);
    expect(changed.counts).toBe('0 hits, 1 parsed, findings of 2 documents kept, 1 of 3 files read');
    expect(changed.stdout).toBe((await cli(['check', '--format', 'json'], root)).stdout);
    expect((await cli(CHECK, root)).counts).toBe("3 hits, 0 parsed (last run's output, 1 of 3 files read)");
  });

  it('does not replay when a config file or the listed tree changed', async () => {
    const root = repo();
    await cli(CHECK, root);
    writeFileSync(join(root, CONFIG), 'roots: ["specs"]\nrules:\n  no-unresolved-clarifications: warning\n');
    expect((await cli(CHECK, root)).counts).toBe('3 hits, 0 parsed, findings of 0 documents kept, 3 of 3 files read');
    writeFileSync(join(root, 'notes.txt'), 'not gated\n');
    expect((await cli(CHECK, root)).counts).toBe('3 hits, 0 parsed, findings of 0 documents kept, 3 of 3 files read');
    expect((await cli(CHECK, root)).counts).toBe("3 hits, 0 parsed (last run's output, 3 of 3 files read)");
  });

  it('follows `_extends`: a change in the extended file is seen', async () => {
    const root = repo();
    writeFileSync(join(root, CONFIG), '_extends: ./base.yml\n');
    writeFileSync(join(root, '.github/base.yml'), 'roots: ["specs"]\n');
    const first = await cli(CHECK, root);
    writeFileSync(join(root, '.github/base.yml'), 'roots: ["specs/001-a"]\n');
    const second = await cli(CHECK, root);
    expect(second.counts).toBe('2 hits, 0 parsed, findings of 0 documents kept, 2 of 2 files read');
    expect(second.stdout).not.toBe(first.stdout);
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, text.length / 2)],
    ['not JSON', () => 'garbage'],
    ['foreign', () => '{"cache":"eslint"}\n{}'],
    ['of another model version', (text: string) => text.replace('"model":', '"model":9').replace('"model":91', '"model":99')],
    ['hand-edited', (text: string) => `${text.trimEnd().slice(0, -1)},"edited":{}}`],
  ])('ignores a %s cache file and rewrites it', async (_, spoil) => {
    const root = repo();
    const expected = await cli(CHECK, root);
    const folder = join(root, 'node_modules/.cache/specgate');
    for (const name of ['run.json', 'findings.json', ...readdirSync(join(folder, 'models')).map((model) => join('models', model))]) {
      const file = join(folder, name);
      writeFileSync(file, spoil(readFileSync(file, 'utf8')));
    }
    const again = await cli(CHECK, root);
    expect(again.counts).toBe('0 hits, 3 parsed, findings of 0 documents kept, 3 of 3 files read');
    expect([again.code, again.stdout]).toEqual([expected.code, expected.stdout]);
    expect((await cli(CHECK, root)).counts).toBe("3 hits, 0 parsed (last run's output, 3 of 3 files read)");
  });

  it('keeps its files in --cache-location, drops models no longer used and writes only when something changed', async () => {
    const root = repo();
    const location = ['--cache-location', '.specgate-cache'];
    await cli([...CHECK, ...location], root);
    const models = join(root, '.specgate-cache/models');
    expect(existsSync(join(root, 'node_modules'))).toBe(false);
    const entries = (): string[] => readdirSync(models).sort();
    expect(entries()).toHaveLength(3);
    const [first] = entries();
    // The cache folder is not part of the listed tree: the run just written is replayed.
    expect((await cli([...CHECK, ...location], root)).counts).toContain("last run's output");

    rmSync(join(root, '.specgate-cache/run.json'));
    utimesSync(join(models, first!), new Date(0), new Date(0));
    expect((await cli([...CHECK, ...location], root)).counts).toBe('0 hits, 0 parsed, findings of 3 documents kept, 3 of 3 files read');
    expect(statSync(join(models, first!)).mtimeMs).toBe(0);

    // One document changed: its new model is the one file written.
    writeFileSync(join(root, 'specs/002-b/spec.md'), '# Feature Specification: B\n\nChanged.\n');
    const before = new Map(entries().map((name) => [name, statSync(join(models, name)).mtimeMs]));
    expect((await cli([...CHECK, ...location], root)).counts).toBe('0 hits, 1 parsed, findings of 2 documents kept, 3 of 3 files read');
    const written = entries().filter((name) => before.get(name) !== statSync(join(models, name)).mtimeMs);
    expect(written).toHaveLength(1);
    expect(entries()).toHaveLength(3);

    rmSync(join(root, 'specs/002-b/spec.md'));
    await cli([...CHECK, ...location], root);
    expect(entries()).toHaveLength(2);
  });

  it('keeps the findings of unchanged features, and gives the report a fresh run gives', async () => {
    const root = repo();
    writeFileSync(join(root, 'specs/001-a/spec.md'), '# Feature Specification: A\n\n## Requirements\n\n- **FR-001**: Works [NEEDS CLARIFICATION: offline?].\n');
    await cli(CHECK, root);
    writeFileSync(join(root, 'specs/002-b/spec.md'), '# Feature Specification: B\n\nChanged.\n');
    const other = await cli(CHECK, root);
    expect(other.counts).toBe('0 hits, 1 parsed, findings of 2 documents kept, 3 of 3 files read');
    expect(other.stdout).toContain('specs/001-a/spec.md');
    expect(other.stdout).toBe((await cli(['check', '--format', 'json'], root)).stdout);

    // A change in a feature checks all of its documents again: rules read their neighbours.
    writeFileSync(join(root, 'specs/001-a/tasks.md'), '# Tasks\n\n- [ ] T001 Build FR-001\n');
    const same = await cli(CHECK, root);
    expect(same.counts).toBe('1 hits, 1 parsed, findings of 1 document kept, 3 of 3 files read');
    expect(same.stdout).toBe((await cli(['check', '--format', 'json'], root)).stdout);
  });

  it('ignores a corrupt findings file alone, and rewrites it', async () => {
    const root = repo();
    const expected = await cli(CHECK, root);
    const folder = join(root, 'node_modules/.cache/specgate');
    rmSync(join(folder, 'run.json'));
    writeFileSync(join(folder, 'findings.json'), 'garbage');
    const again = await cli(CHECK, root);
    expect(again.counts).toBe('3 hits, 0 parsed, findings of 0 documents kept, 3 of 3 files read');
    expect([again.code, again.stdout]).toEqual([expected.code, expected.stdout]);
    rmSync(join(folder, 'run.json'));
    expect((await cli(CHECK, root)).counts).toBe('0 hits, 0 parsed, findings of 3 documents kept, 3 of 3 files read');
  });

  it('removes the single models.json of earlier versions when it saves', async () => {
    const root = repo();
    const legacy = join(root, 'node_modules/.cache/specgate/models.json');
    await cli(CHECK, root);
    writeFileSync(legacy, '{}');
    writeFileSync(join(root, 'specs/002-b/spec.md'), '# Feature Specification: B\n\nChanged.\n');
    await cli(CHECK, root);
    expect(existsSync(legacy)).toBe(false);
  });

  it('gives the same report with worker threads, cold and warm', async () => {
    const root = repo();
    const off = await cli(['check', '--format', 'json', '--concurrency', 'off'], root);
    const threads = await cli(['check', '--format', 'json', '--concurrency', '2', '--cache'], root);
    expect(threads.counts).toBe('0 hits, 3 parsed, findings of 0 documents kept, 3 of 3 files read');
    expect(threads.stdout).toBe(off.stdout);
  });

  it('lists the options in the help', () => {
    for (const option of ['--cache ', '--cache-location DIR', '--concurrency']) expect(HELP).toContain(option);
  });

  it('rejects an unknown --concurrency', async () => {
    const result = await cli(['check', '--concurrency', 'many'], repo());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown concurrency `many`');
  });
});
