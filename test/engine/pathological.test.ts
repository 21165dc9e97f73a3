import { describe, expect, it } from '@jest/globals';
import { defaultConfig, evaluate } from '../../src/engine/index.js';
import { findPathology } from '../../src/engine/markdown/guard.js';

// Inputs that made the parser or a rule take super-linear time, or overflow the stack.
// No timing is asserted: a regression shows as this suite timing out, not as a flaky number.
const MB = 1_000_000;
const CASES: Record<string, string> = {
  'a million `]`': ']'.repeat(MB),
  'a million emphasis delimiters': 'a*'.repeat(MB / 2),
  'HTML comment openers in a table cell': `| ${'<!--'.repeat(MB / 4)}`,
  'CDATA openers': '<![CDATA['.repeat(MB / 10),
  'blockquotes nested 100,000 deep': '>'.repeat(100_000),
  'blockquotes nested inside a list item': `- ${'>'.repeat(20_000)}`,
  'a list nested 3,000 deep': Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i * 2)}- a`).join('\n'),
  'a thousand paragraphs of `]`': Array.from({ length: 1000 }, () => ']'.repeat(1000)).join('\n\n'),
  'a version label followed by spaces': `**Version**: ${' '.repeat(MB / 2)}`,
  'a requirement id followed by spaces': `- **FR-001** ${' '.repeat(MB / 2)}`,
  'a constitution citation followed by spaces': `Based on Constitution v ${' '.repeat(MB / 2)}`,
  'a million backticks': '`'.repeat(MB),
  'a clarification marker opened and followed by spaces': `[ ${' '.repeat(MB / 2)}`,
  'a bold version label left open': `**Version ${' '.repeat(MB / 2)}`,
  'a gate note of spaces': `> ${' '.repeat(MB / 2)}`,
  'an amendment date label followed by spaces': `Last Amended: ${' '.repeat(MB / 2)}`,
  'a status label followed by spaces': `Status ${' '.repeat(MB / 2)}`,
  'an unresolved marker followed by spaces': `[NEEDS CLARIFICATION ${' '.repeat(MB / 2)}`,
};

describe('pathological documents', () => {
  const config = { ...defaultConfig(), 'max-file-size': 2 * MB };
  it.each(Object.entries(CASES))('%s: a finding or a clean check, never a crash or a hang', (_name, body) => {
    const files = ['spec.md', 'plan.md', 'tasks.md'].map((name) => ({ path: `specs/001-a/${name}`, content: `# Feature Specification: A\n\n${body}\n` }));
    const report = evaluate({ files, config });
    const findings = report.gates.flatMap((gate) => gate.findings);
    expect(findings.filter((finding) => finding.message.startsWith('Unexpected error in rule'))).toEqual([]);
    for (const finding of findings) expect(finding.line).toBeGreaterThanOrEqual(1);
  });

  it('flags costly markdown with the line of the block', () => {
    expect(findPathology(`# T\n\nok\n\n${']'.repeat(30_000)}\n`)).toEqual({ line: 5, reason: '30000 `]` in one paragraph' });
    expect(findPathology(`# T\n\n${'> '.repeat(150)}x\n`)?.reason).toBe('blockquotes nested more than 100 deep');
  });

  it('leaves real documents alone', () => {
    const checklist = Array.from({ length: 2000 }, (_, i) => `- [ ] CHK${String(i).padStart(3, '0')} Is **this** [spec](./spec.md) _clear_? <!-- note -->`).join('\n');
    expect(findPathology(checklist)).toBeUndefined();
  });
});
