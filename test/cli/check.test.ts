import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { BINARY, makeRepo, runCli, STRICT_CONFIG } from './support.js';

describe('specgate check: exit codes', () => {
  it('exits 0 with a neutral result when a repository has no spec documents', () => {
    const root = makeRepo({ 'README.md': '# Hello\n', 'src/index.ts': 'export {};\n' });
    const result = runCli(['check', root, '--format', 'json'], root);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).conclusion).toBe('neutral');
  });

  it('exits 1 when a gate fails', () => {
    const root = makeRepo({ '.github/specgate.yml': STRICT_CONFIG, 'specs/001-a/spec.md': BINARY });
    const result = runCli(['check', '.'], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('specs/001-a/spec.md');
    expect(result.stdout).toMatch(/✗ completeness\s+failure/);
  });

  it('exits 2 on an unknown option, command, format or preset, and on a missing path', () => {
    const root = makeRepo({});
    for (const argv of [['check', '--nope'], ['lint'], ['check', '--format', 'xml'], ['check', '--preset', 'kitty'], ['check', 'missing']]) {
      const result = runCli(argv, root);
      expect([argv.join(' '), result.code]).toEqual([argv.join(' '), 2]);
      expect(result.stderr).toMatch(/^specgate: /);
      expect(result.stdout).toBe('');
    }
  });

  it('exits 2 on an invalid config and names the YAML path, line and fix', () => {
    const root = makeRepo({ '.github/specgate.yml': 'roots:\n  - specs\nfail-on: sometimes\n', 'specs/001-a/spec.md': '# A\n' });
    const result = runCli(['check'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.github/specgate.yml:3');
    expect(result.stderr).toContain('fail-on');
    expect(result.stderr).toMatch(/fix: Use one of: `error`, `warning`/);
  });

  it('uses --config instead of the repository config', () => {
    // An unreadable document fails by default; the lenient config turns that into a warning.
    const root = makeRepo({ 'lenient.yml': 'rules:\n  readable-document: warning\n', 'specs/001-a/spec.md': BINARY });
    expect(runCli(['check', '.'], root).code).toBe(1);
    expect(runCli(['check', '.', '--config', 'lenient.yml'], root).code).toBe(0);
    expect(runCli(['check', '.', '--config', 'absent.yml'], root).code).toBe(2);
  });
});

describe('specgate check: paths', () => {
  const files = { '.github/specgate.yml': STRICT_CONFIG, 'specs/001-a/spec.md': BINARY, 'specs/002-b/spec.md': '# Feature Specification: B\n' };

  it('reports paths relative to the scanned root, wherever it is run from', () => {
    const root = makeRepo(files);
    const result = runCli(['check', join(root, '.'), '--format', 'json'], '/');
    const report = JSON.parse(result.stdout);
    expect(report.documents.map((d: { path: string }) => d.path)).toEqual(['specs/002-b/spec.md']);
    const completeness = report.gates.find((g: { id: string }) => g.id === 'completeness');
    expect(completeness.findings.map((f: { path: string }) => f.path)).toEqual(['specs/001-a/spec.md']);
  });

  it('prefixes each root when several directories are checked', () => {
    const parent = makeRepo({});
    const one = makeRepo(files);
    const result = runCli(['check', one, parent, '--format', 'json'], join(one, '..'));
    const report = JSON.parse(result.stdout);
    const name = one.split('/').at(-1);
    expect(report.documents.map((d: { path: string }) => d.path)).toEqual([`${name}/specs/002-b/spec.md`]);
    expect(result.code).toBe(1);
  });

  it('checks a file given by path, relative to the working directory, even outside the roots', () => {
    const root = makeRepo({ 'notes/plan.md': '# Implementation Plan: X\n', 'notes/seed.txt': 'plain text\n' });
    const result = runCli(['check', 'notes/plan.md', 'notes/seed.txt', '--format', 'json'], root);
    expect(JSON.parse(result.stdout).documents).toEqual([{ path: 'notes/plan.md', kind: 'plan', family: 'generic' }]);
    expect(result.stderr).toContain('skipped notes/seed.txt: not a markdown file');
  });

  it('skips node_modules and .git and never reads files outside the gated set', () => {
    const root = makeRepo({
      ...files,
      'node_modules/pkg/specs/001-x/spec.md': BINARY,
      'specs/node_modules/001-x/spec.md': BINARY,
      '.git/specs/001-x/spec.md': BINARY,
      '.specify/templates/spec-template.md': BINARY,
    });
    const report = JSON.parse(runCli(['check', '--format', 'json'], root).stdout);
    const paths = report.gates.flatMap((g: { findings: Array<{ path: string }> }) => g.findings.map((f) => f.path));
    expect(paths).toEqual(['specs/001-a/spec.md']);
  });
});
