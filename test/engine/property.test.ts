import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { defaultConfig, evaluate, type SourceFile } from '../../src/engine/index.js';

// Bounded so the suite stays quick; the generators lean on the inputs that broke parsers before.
const RUNS = 40;
// Generous: no timing is asserted, but a slow (super-linear) rule must not time the suite out silently either.
const TIMEOUT = 180_000;

const TOKENS = [
  '[', ']', '(', ')', '[NEEDS CLARIFICATION', '[NEEDS CLARIFICATION: why?]', '(NEEDS CLARIFICATION: x)', ': ', '`', '```', '~~~', '|', '| a | b |\n|---|---|\n',
  '\n', '\r\n', '\r', '\uFEFF', '\t', '    ', '- [ ] ', '- [x] ', '* [~] ', '1. [N/A] ', '# ', '## ', '### Session 2025-01-01\n', '<!--', '-->', '---\n',
  'T001 ', '[US1] ', 'CHK001 ', '**FR-001**: ', '**SC-001**', '→', 'PASS', 'FAIL', '❌', '✅', '⚠️', 'NEEDS REVIEW', '**Version**: 1.2.0',
  'Constitution Check', 'Complexity Tracking', 'Progress Tracking', '[e.g., 4th project]', '[PROJECT_NAME]', 'TODO(X): y', 'word ', '😀', '\u0000',
];

const PATHS = [
  'specs/001-a/spec.md', 'specs/001-a/plan.md', 'specs/001-a/tasks.md', 'specs/001-a/checklists/requirements.md',
  'specs/001-a/research.md', 'specs/001-a/contracts/api.md', '.specify/memory/constitution.md', 'plans/x/notes.md',
];

const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 300 }).map((parts) => parts.join(''));

const deepList = fc.record({ depth: fc.integer({ min: 1, max: 260 }), marker: fc.constantFrom('- ', '* ', '1. ', '- [ ] ', '> ') }).map(({ depth, marker }) =>
  Array.from({ length: depth }, (_, i) => `${marker === '> ' ? '> '.repeat(i + 1) : '  '.repeat(i) + marker}item ${i} [NEEDS CLARIFICATION: ${i}]`).join('\n'),
);

const longLine = fc.record({ unit: fc.constantFrom('a', '[', '`', '|', '*', '[NEEDS CLARIFICATION: x] ', ' '), length: fc.integer({ min: 1000, max: 100_000 }) }).map(
  ({ unit, length }) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length),
);

const text = fc.oneof(tokenSoup, deepList, longLine, fc.string({ maxLength: 200 }), fc.array(fc.oneof(tokenSoup, deepList), { maxLength: 4 }).map((p) => p.join('\n')));

/** Text, or its UTF-8 bytes with a few raw bytes (invalid sequences, NUL) spliced in. */
const content: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  text,
  fc.record({ text, bytes: fc.array(fc.record({ at: fc.nat(), byte: fc.constantFrom(0xff, 0xc3, 0xe2, 0x80, 0x00, 0x0d) }), { maxLength: 5 }) }).map(({ text: t, bytes }) => {
    const out = Array.from(new TextEncoder().encode(t));
    for (const { at, byte } of bytes) out.splice(out.length === 0 ? 0 : at % out.length, 0, byte);
    return new Uint8Array(out);
  }),
);

const repository = fc.uniqueArray(fc.record({ path: fc.constantFrom(...PATHS), content }), { selector: (file) => file.path, minLength: 1, maxLength: 5 });

function lineCount(file: SourceFile): number {
  const decoded = typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content);
  return decoded.split(/\r\n|\r|\n/).length;
}

describe('evaluate on arbitrary input', () => {
  it('never throws, and every finding points at a line inside a checked file', () => {
    fc.assert(
      fc.property(repository, (files) => {
        const report = evaluate({ files, config: defaultConfig() });
        const lines = new Map(files.map((file) => [file.path, lineCount(file)]));
        for (const finding of report.gates.flatMap((gate) => gate.findings)) {
          expect(lines.has(finding.path)).toBe(true);
          expect(finding.line).toBeGreaterThanOrEqual(1);
          expect(finding.line).toBeLessThanOrEqual(lines.get(finding.path)!);
          // A rule that throws is turned into a finding; on valid input that is still a bug.
          expect(finding.message).not.toMatch(/^Unexpected error in rule/);
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('gives the same report for the same files (deterministic)', () => {
    fc.assert(
      fc.property(repository, (files) => {
        expect(evaluate({ files, config: defaultConfig() })).toEqual(evaluate({ files, config: defaultConfig() }));
      }),
      { numRuns: 10 },
    );
  }, TIMEOUT);
});
