import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAction, bundledPackages, renderLicenses } from '../../scripts/build-action.js';

/** A folder laid out as node_modules with the given packages: `{ 'a': { license, file } }`. */
function modules(packages: Record<string, { license?: string; licenses?: { type: string }[]; file?: [string, string] }>): string {
  const root = mkdtempSync(join(tmpdir(), 'specgate-licenses-'));
  for (const [name, { license, licenses, file }] of Object.entries(packages)) {
    const dir = join(root, 'node_modules', ...name.split('/'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', ...(license ? { license } : {}), ...(licenses ? { licenses } : {}) }));
    if (file) writeFileSync(join(dir, file[0]), file[1]);
  }
  return root;
}

describe('bundledPackages', () => {
  it('names each package whose files are in the bundle once, nested and scoped ones too, sources of the project left out', () => {
    const inputs = [
      'src/action/index.ts',
      'node_modules/yaml/dist/index.js',
      'node_modules/yaml/dist/parse.js',
      'node_modules/@actions/core/lib/core.js',
      'node_modules/@actions/github/node_modules/@octokit/core/dist/index.js',
      '../node_modules/outside/index.js',
    ];
    expect(bundledPackages(inputs)).toEqual([
      'node_modules/@actions/core',
      'node_modules/@actions/github/node_modules/@octokit/core',
      'node_modules/yaml',
      '../node_modules/outside',
    ].sort());
  });
});

describe('renderLicenses', () => {
  it('gives name, version, licence and the licence text of each package, sorted by name', () => {
    const root = modules({
      zod: { license: 'MIT', file: ['LICENSE', 'MIT License\nCopyright zod\n'] },
      '@actions/core': { license: 'MIT', file: ['LICENSE.md', 'The MIT License\nCopyright GitHub\n'] },
    });
    try {
      const text = renderLicenses(root, ['node_modules/zod', 'node_modules/@actions/core']);
      expect(text.indexOf('@actions/core@1.0.0')).toBeLessThan(text.indexOf('zod@1.0.0'));
      expect(text).toContain('@actions/core@1.0.0\nMIT\nThe MIT License\nCopyright GitHub\n');
      expect(text).toContain('zod@1.0.0\nMIT\nMIT License\nCopyright zod\n');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('says so when a package ships no licence file, and keeps its licence field (the legacy `licenses` array too)', () => {
    // node_modules/format (bundled through the markdown parser) has only `licenses: [{ type: 'MIT' }]` and no file.
    const root = modules({ bare: { license: 'ISC' }, legacy: { licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] } });
    try {
      const text = renderLicenses(root, ['node_modules/bare', 'node_modules/legacy']);
      expect(text).toContain('bare@1.0.0\nISC\n(no licence file in the package)\n');
      expect(text).toContain('legacy@1.0.0\nMIT OR Apache-2.0\n(no licence file in the package)\n');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('buildAction', () => {
  it('writes dist/licenses.txt naming every package bundled into index.js, each with its licence text', async () => {
    const out = mkdtempSync(join(tmpdir(), 'specgate-build-'));
    try {
      const files = await buildAction(out);
      const names = files.map((file) => file.slice(out.length + 1));
      expect(names.filter((name) => !/^chunk-[A-Z0-9]+\.js$/.test(name))).toEqual(['index.js', 'package.json', 'licenses.txt']);
      expect(names.filter((name) => name.startsWith('chunk-')).length).toBeGreaterThan(0);
      const text = readFileSync(join(out, 'licenses.txt'), 'utf8');
      for (const name of ['@actions/core', '@actions/github', '@octokit/plugin-retry', 'yaml', 'zod', 'unified', 'micromark']) {
        expect(text).toMatch(new RegExp(`^${name.replace('/', '\\/')}@\\d`, 'm'));
      }
      expect(text).not.toContain('(no licence file in the package)\n\n@actions');
      expect(text).toMatch(/Permission is hereby granted/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
