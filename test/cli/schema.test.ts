import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { rules } from '../../src/engine/index.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/specgate.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ strict: false }).compile(schema);

describe('schema/specgate.schema.json', () => {
  it('accepts `_extends` as the App, the Action and the CLI do', () => {
    expect(validate({ _extends: 'acme/.github' })).toBe(true);
    expect(validate({ _extends: 3 })).toBe(false);
  });

  it('lists the rule ids as an enum, at the top and in overrides', () => {
    const ids = rules.map((rule) => rule.meta.id).sort();
    expect(schema.properties.rules.propertyNames.enum).toEqual(ids);
    expect(validate({ rules: { [ids[0]!]: 'off' } })).toBe(true);
    expect(validate({ rules: { 'no-such-rule': 'off' } })).toBe(false);
    expect(validate({ overrides: [{ files: ['specs/**'], rules: { 'no-such-rule': 'off' } }] })).toBe(false);
  });
});
