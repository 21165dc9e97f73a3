import { expect, test } from '@jest/globals';
import { canWaive, decodeMeta, encodeMeta, markerKey, parseCommands, roleOf } from '../../src/github/index.js';

test('parses command lines, skipping code fences and quotes', () => {
  const body = ['Looks good.', '/specgate waive clarifications  agreed with PM ', '> /specgate waive constitution quoted', '```', '/specgate recheck', '```', '/SpecGate Help', '/specgate'].join('\n');
  expect(parseCommands(body)).toEqual([
    { verb: 'waive', args: 'clarifications  agreed with PM', line: 2 },
    { verb: 'help', args: '', line: 7 },
    { verb: 'help', args: '', line: 8 },
  ]);
});

test('roles come from role_name or user.permissions, not the folded permission', () => {
  expect(roleOf({ permission: 'write', role_name: 'maintain' })).toBe('maintain');
  expect(roleOf({ permission: 'write', user: { permissions: { maintain: true, push: true } } })).toBe('maintain');
  expect(roleOf({ permission: 'read', role_name: 'triage' })).toBe('triage');
  expect(roleOf({ permission: 'none' })).toBe('none');
  expect(canWaive('maintain') && canWaive('admin')).toBe(true);
  expect(canWaive('write')).toBe(false);
});

test('the hidden issue marker survives a question that tries to close the comment', () => {
  const meta = { key: 'k', pr: 3, path: 'specs/001-x/spec.md', line: 4, question: 'is --> allowed?' };
  const encoded = encodeMeta(meta);
  expect(encoded.indexOf('-->')).toBe(encoded.length - 3);
  expect(decodeMeta(`text\n${encoded}`)).toEqual(meta);
});

test('marker identity ignores case, spacing and the line, but not the file or folder', () => {
  const key = markerKey('specs/001-x/spec.md', 'Which  providers?');
  expect(markerKey('specs/001-x/spec.md', 'which providers')).toBe(key);
  expect(markerKey('specs/002-y/spec.md', 'which providers')).not.toBe(key);
  expect(markerKey('specs/001-x/plan.md', 'which providers')).not.toBe(key);
});
