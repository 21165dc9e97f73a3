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

describe('config values have bounds, each an ordinary config error with its path and a fix', () => {
  const list = (key: string, count: number, item = (i: number) => `docs/generated/area-${i}/**`): string =>
    `${key}:\n${Array.from({ length: count }, (_, i) => `  - "${item(i)}"`).join('\n')}\n`;

  it('a 5 MB file is refused before it is parsed, naming the key that fills it', () => {
    const text = list('exclude', 150_000);
    expect(text.length).toBeGreaterThan(5_000_000);
    const errors = errorsOf(`fail-on: error\n${text}`);
    expect(errors).toEqual([{ path: 'exclude', line: 2, message: expect.stringMatching(/^Unexpected config file of \d+ bytes \(`exclude` takes \d+\), expected at most 262144/), fix: expect.stringMatching(/glob/) }]);
  });

  it('too many items in a list', () => {
    expect(errorsOf(list('exclude', 201))).toEqual([
      { path: 'exclude', line: 1, message: 'Unexpected 201 items in `exclude`, expected at most 200', fix: expect.stringMatching(/glob/) },
    ]);
    for (const [key, max] of [['roots', 100], ['constitution', 20]] as const) {
      expect(errorsOf(list(key, max + 1))).toEqual([expect.objectContaining({ path: key, message: `Unexpected ${max + 1} items in \`${key}\`, expected at most ${max}` })]);
    }
    expect(errorsOf(`overrides:\n${Array.from({ length: 101 }, (_, i) => `  - files: ["a${i}/**"]`).join('\n')}\n`)[0]).toMatchObject({ path: 'overrides' });
    expect(errorsOf(`overrides:\n  - files: [${Array.from({ length: 101 }, (_, i) => `"a${i}/**"`).join(', ')}]\n`)[0]).toMatchObject({ path: 'overrides.0.files', line: 2 });
    expect(errorsOf(`clarification-issues:\n  labels: [${Array.from({ length: 11 }, (_, i) => `l${i}`).join(', ')}]\n`)[0]).toMatchObject({ path: 'clarification-issues.labels', line: 2 });
  });

  it('a glob, a path or a label too long', () => {
    expect(errorsOf(`exclude:\n  - "${'a'.repeat(501)}"\n`)).toEqual([
      { path: 'exclude.0', line: 2, message: 'Unexpected value of 501 characters, expected at most 500', fix: expect.stringMatching(/Shorten/) },
    ]);
    expect(errorsOf(`roots: ["${'a'.repeat(501)}"]\n`)[0]).toMatchObject({ path: 'roots.0' });
    expect(errorsOf(`overrides:\n  - files: ["${'a'.repeat(501)}"]\n`)[0]).toMatchObject({ path: 'overrides.0.files.0', line: 2 });
    expect(errorsOf(`clarification-issues:\n  labels: ["${'l'.repeat(51)}"]\n`)[0]).toMatchObject({ path: 'clarification-issues.labels.0', message: 'Unexpected value of 51 characters, expected at most 50' });
  });

  it('max-file-size over 10 MiB', () => {
    expect(errorsOf('max-file-size: 104857600\n')).toEqual([
      { path: 'max-file-size', line: 1, message: 'Unexpected `max-file-size` of 104857600, expected at most 10485760', fix: expect.stringMatching(/Split|exclude/) },
    ]);
    expect(parseConfig('max-file-size: 10485760\n').ok).toBe(true);
  });

  it('many problems: the first 20 and a count of the rest', () => {
    const errors = errorsOf(`rules:\n${Array.from({ length: 300 }, (_, i) => `  no-such-rule-${i}: error`).join('\n')}\n`);
    expect(errors).toHaveLength(21);
    expect(errors[20]).toMatchObject({ path: '(root)', message: 'Unexpected 280 more problems, expected none' });
  });
});
