import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import AjvModule from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { BINARY, makeRepo, runCli, STRICT_CONFIG } from './support.js';

// The official OASIS schema, vendored from oasis-tcs/sarif-spec (sarif-2.1/schema/sarif-schema-2.1.0.json, commit e058381).
const SCHEMA: object = JSON.parse(readFileSync(new URL('../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));

// Both are CommonJS: under NodeNext the default import is the module object.
const Ajv = AjvModule as unknown as typeof AjvModule.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(SCHEMA);
}

describe('specgate check --format sarif against the SARIF 2.1.0 schema', () => {
  it('validates, findings and all, with automationDetails naming the run', () => {
    const root = makeRepo({ '.github/specgate.yml': STRICT_CONFIG, 'specs/001-a/spec.md': BINARY, 'specs/001-a/plan.md': '# Implementation Plan: A\n\n[NEEDS CLARIFICATION: which one?]\n' });
    const sarif = JSON.parse(runCli(['check', '--format', 'sarif'], root).stdout);
    const validate = validator();
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    expect(sarif.runs[0].automationDetails).toEqual({ id: 'specgate/' });
  });

  it('the schema test can fail: a result without a message is rejected', () => {
    const root = makeRepo({ '.github/specgate.yml': STRICT_CONFIG, 'specs/001-a/spec.md': BINARY });
    const sarif = JSON.parse(runCli(['check', '--format', 'sarif'], root).stdout);
    delete sarif.runs[0].results[0].message;
    expect(validator()(sarif)).toBe(false);
  });
});
