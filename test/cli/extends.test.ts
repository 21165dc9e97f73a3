import { describe, expect, it } from '@jest/globals';
import { BINARY, makeRepo, runCli } from './support.js';

describe('specgate check: `_extends`', () => {
  it('resolves a local path relative to the config file and merges it (the repository\'s keys win)', () => {
    const root = makeRepo({
      'shared/base.yml': 'rules:\n  readable-document: error\n  no-unresolved-clarifications: warning\n',
      '.github/specgate.yml': '_extends: ../shared/base.yml\nrules:\n  no-unresolved-clarifications: notice\n',
      'specs/001-a/spec.md': BINARY,
    });
    const result = runCli(['check', '--format', 'json'], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const overridden = makeRepo({
      'shared/base.yml': 'rules:\n  readable-document: error\n',
      '.github/specgate.yml': '_extends: ../shared/base.yml\nrules:\n  readable-document: warning\n',
      'specs/001-a/spec.md': BINARY,
    });
    expect(runCli(['check'], overridden).code).toBe(0);
  });

  it('says it skipped a repository reference and checks with the rest', () => {
    const root = makeRepo({ '.github/specgate.yml': '_extends: acme/.github\nrules:\n  readable-document: warning\n', 'specs/001-a/spec.md': BINARY });
    const result = runCli(['check'], root);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('specgate: skipped `_extends: acme/.github` in .github/specgate.yml: the CLI reads local files only');
  });

  it('an unresolvable `_extends` is a config error naming it', () => {
    for (const value of ['./missing.yml', '{ a: 1 }']) {
      const root = makeRepo({ '.github/specgate.yml': `_extends: ${value}\n`, 'specs/001-a/spec.md': '# A\n' });
      const result = runCli(['check'], root);
      expect([value, result.code]).toEqual([value, 2]);
      expect(result.stderr).toMatch(/\.github\/specgate\.yml:1 {2}_extends: Unexpected `_extends`/);
    }
  });

  it('a loop of local files is a config error, not a hang', () => {
    const root = makeRepo({ '.github/specgate.yml': '_extends: ./a.yml\n', '.github/a.yml': '_extends: ./specgate.yml\n' });
    const result = runCli(['check'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('_extends: Unexpected `_extends` chain');
  });
});

describe('specgate check: all config errors in one pass', () => {
  it('reports a bad value and an unknown rule together', () => {
    const root = makeRepo({ '.github/specgate.yml': 'fail-on: sometimes\nrules:\n  no-such-rule: error\n' });
    const result = runCli(['check'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.github/specgate.yml:1  fail-on');
    expect(result.stderr).toContain('.github/specgate.yml:3  rules.no-such-rule: Unknown rule `no-such-rule`');
  });
});
