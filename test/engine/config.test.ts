import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { parseConfig, type ConfigError } from '../../src/engine/index.js';
import { renderSchema, SCHEMA_PATH } from '../../scripts/generate-schema.js';

function errorsOf(text: string): ConfigError[] {
  const result = parseConfig(text);
  if (result.ok) throw new Error(`expected config errors for:\n${text}`);
  return result.errors;
}

describe('the committed JSON Schema', () => {
  it('is what `npm run schema` generates from the zod schema', () => {
    // When this fails, run `npm run schema` and commit schema/specgate.schema.json.
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(renderSchema());
  });

  it('accepts the example repository config and rejects an unknown key', () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
    expect(validate(parse(readFileSync('examples/spec-kit-repo/.github/specgate.yml', 'utf8')))).toBe(true);
    expect(validate({ rootz: ['specs'] })).toBe(false);
  });
});

describe('config errors name the YAML path, the line and a fix', () => {
  it('malformed YAML', () => {
    const [error] = errorsOf('roots:\n  - specs\nfail-on: [error\n');
    expect(error).toMatchObject({ path: '(root)', fix: expect.stringMatching(/YAML syntax/) });
    expect(error!.line).toBeGreaterThanOrEqual(3);
    expect(error!.message).toMatch(/^Invalid YAML/);
  });

  it('unknown key', () => {
    expect(errorsOf('roots: [specs]\nfail_on: error\n')).toEqual([
      { path: 'fail_on', line: 2, message: 'Unknown key `fail_on`', fix: expect.stringMatching(/spelling/) },
    ]);
  });

  it('unknown key in a nested object', () => {
    const [error] = errorsOf('clarification-issues:\n  mode: on-open\n  labels-x: []\n');
    expect(error).toMatchObject({ path: 'clarification-issues.labels-x', line: 3 });
  });

  it('wrong type', () => {
    const [error] = errorsOf('roots: specs\n');
    expect(error).toMatchObject({ path: 'roots', line: 1, fix: 'Write a value of type array.' });
  });

  it('wrong enum value', () => {
    const [error] = errorsOf('\n\nfail-on: sometimes\n');
    expect(error).toMatchObject({ path: 'fail-on', line: 3, fix: 'Use one of: `error`, `warning`.' });
  });

  it('unknown rule id, in rules and in overrides', () => {
    const errors = errorsOf('rules:\n  no-such-rule: error\noverrides:\n  - files: ["a/**"]\n    rules:\n      other-missing: off\n');
    expect(errors.map(({ path, line }) => [path, line])).toEqual([['rules.no-such-rule', 2], ['overrides.0.rules.other-missing', 6]]);
    for (const error of errors) expect(error.fix).toMatch(/specgate rules/);
  });

  it('bad rule options', () => {
    const [error] = errorsOf('rules:\n  readable-document:\n    severity: error\n    options:\n      limit: 3\n');
    expect(error).toMatchObject({ path: 'rules.readable-document.options', line: 4, fix: 'See docs/rules/readable-document.md for its options.' });
  });

  it('a bad severity', () => {
    const [error] = errorsOf('rules:\n  readable-document: fatal\n');
    expect(error).toMatchObject({ path: 'rules.readable-document', line: 2 });
    expect(error!.fix).toMatch(/severity/);
  });

  it('an empty file is the default config', () => {
    expect(parseConfig('').ok).toBe(true);
    expect(parseConfig('# only a comment\n').ok).toBe(true);
  });
});
