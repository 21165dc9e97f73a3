import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { BINARY, makeRepo, runCli, STRICT_CONFIG } from './support.js';

const gitInit = (root: string): void => void execFileSync('git', ['init', '-q', root]);

describe('specgate check: config discovery', () => {
  it('run from a subfolder of a git repository, uses the root\'s .github/specgate.yml and checks only that subfolder', () => {
    const root = makeRepo({
      '.github/specgate.yml': 'roots:\n  - design\nrules:\n  readable-document: warning\n',
      'design/001-a/spec.md': BINARY,
      'design/002-b/spec.md': '# Feature Specification: B\n',
    });
    gitInit(root);
    const result = runCli(['check', '--format', 'json'], join(root, 'design/001-a'));
    const report = JSON.parse(result.stdout);
    const findings = report.gates.flatMap((g: { findings: Array<{ path: string; severity: string }> }) => g.findings);
    expect(findings).toContainEqual(expect.objectContaining({ path: 'design/001-a/spec.md', severity: 'warning' }));
    expect(report.documents).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('never walks above the git root', () => {
    const outer = makeRepo({ '.github/specgate.yml': 'fail-on: sometimes\n' });
    const inner = join(outer, 'inner');
    execFileSync('mkdir', ['-p', join(inner, 'specs/001-a')]);
    gitInit(inner);
    expect(runCli(['check'], join(inner, 'specs')).code).toBe(0);
  });

  it('says on stderr when a run checks nothing', () => {
    const root = makeRepo({ 'README.md': '# Hello\n' });
    const result = runCli(['check'], root);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^specgate: no spec documents found under /m);
  });
});

describe('specgate check: .gitignore', () => {
  it('skips what the root and nested .gitignore files ignore', () => {
    const root = makeRepo({
      '.github/specgate.yml': STRICT_CONFIG,
      '.gitignore': 'specs/generated/\n*.draft.md\n',
      'specs/generated/spec.md': BINARY,
      'specs/001-a/notes.draft.md': BINARY,
      'specs/002-b/.gitignore': 'local.md\n',
      'specs/002-b/local.md': BINARY,
      'specs/003-c/local.md': BINARY,
    });
    const report = JSON.parse(runCli(['check', '--format', 'json'], root).stdout);
    const paths = report.gates.flatMap((g: { findings: Array<{ path: string }> }) => g.findings.map((f) => f.path));
    expect(paths).toEqual(['specs/003-c/local.md']);
  });
});

describe('specgate --quiet and -V', () => {
  it('--quiet reports errors only, with the same exit code', () => {
    const root = makeRepo({ '.github/specgate.yml': 'rules:\n  readable-document: warning\n', 'specs/001-a/spec.md': BINARY, 'specs/002-b/spec.md': BINARY });
    expect(JSON.parse(runCli(['check', '--format', 'json'], root).stdout).gates[3].findings).toHaveLength(2);
    const quiet = runCli(['check', '--quiet', '--format', 'json'], root);
    expect(quiet.code).toBe(0);
    expect(JSON.parse(quiet.stdout).gates.flatMap((g: { findings: unknown[] }) => g.findings)).toEqual([]);
    const strict = makeRepo({ '.github/specgate.yml': STRICT_CONFIG, 'specs/001-a/spec.md': BINARY });
    expect(runCli(['check', '-q'], strict).code).toBe(1);
  });

  it('-V prints the version', () => {
    expect(runCli(['-V'], '/').stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
