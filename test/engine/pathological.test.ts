import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { SHAPES } from '../../bench/pathological-shapes.js';
import { defaultConfig, evaluate } from '../../src/engine/index.js';
import { estimateParseCost, findPathology, PARSE_BUDGET } from '../../src/engine/markdown/guard.js';

// Inputs that made the parser or a rule take super-linear time, or overflow the stack.
// No timing is asserted beyond a generous hang guard: a regression shows as a test that
// takes seconds or times out, not as a flaky number.
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
  'a heading of spaces with a closing hash': `# a${' '.repeat(MB / 2)}b #`,
  'a table delimiter row of pipes': `| a |\n${'|'.repeat(MB / 2)}`,
  'link brackets in a task item': `- [ ] ${'[a'.repeat(MB / 4)}`,
  // `no-placeholder-values` tried its format lead at every `format` of a line: about 50 s here.
  'a line of `format` words': 'format a, '.repeat(MB / 10),
};

const findingsOf = (body: string) => {
  const config = { ...defaultConfig(), 'max-file-size': 2 * MB };
  const files = ['spec.md', 'plan.md', 'tasks.md'].map((name) => ({ path: `specs/001-a/${name}`, content: `# Feature Specification: A\n\n${body}\n` }));
  return evaluate({ files, config }).gates.flatMap((gate) => gate.findings);
};

describe('pathological documents', () => {
  it.each(Object.entries(CASES))('%s: a finding or a clean check, never a crash or a hang', (_name, body) => {
    const started = performance.now();
    const findings = findingsOf(body);
    expect(findings.filter((finding) => finding.message.startsWith('Unexpected error in rule'))).toEqual([]);
    for (const finding of findings) expect(finding.line).toBeGreaterThanOrEqual(1);
    // A hang guard for three 1 MB documents; the slowest of these took over a minute each.
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it.each(Object.entries(SHAPES))('1 MiB of %s is scanned, not parsed, and the marker in it still counts', (_name, make) => {
    const started = performance.now();
    const findings = findingsOf(`${make(1_048_576)}\n\n- **FR-001**: System MUST [NEEDS CLARIFICATION: which one?]\n`);
    const readable = findings.filter((finding) => finding.rule === 'readable-document' && finding.path === 'specs/001-a/spec.md');
    expect(readable).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^Unexpected markdown too costly to parse \(.+\); it was only scanned line by line/) })]);
    expect(findings.filter((finding) => finding.rule === 'no-unresolved-clarifications' && finding.path === 'specs/001-a/spec.md')).toHaveLength(1);
    // A hang guard: before the guard knew these shapes, each took from 5 s to minutes.
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('an OpenSpec task checkbox opened and followed by spaces: checked in linear time', () => {
    // `openspec-task-numbering` reads every list line of a `## N.` group; `- [` and half a million spaces took minutes.
    const started = performance.now();
    const content = `## 1. Setup\n\n- [${' '.repeat(MB / 2)}\n`;
    const report = evaluate({ files: [{ path: 'openspec/changes/a/tasks.md', content }], config: { ...defaultConfig(), 'max-file-size': 2 * MB } });
    expect(report.gates.flatMap((gate) => gate.findings).filter((finding) => finding.message.startsWith('Unexpected error in rule'))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('flags costly markdown with the line of the block and what makes it costly', () => {
    expect(findPathology(`# T\n\nok\n\n${']'.repeat(30_000)}\n`)).toEqual({ line: 5, reason: expect.stringMatching(/^\d+ `]` in one paragraph$/) });
    expect(findPathology(`# T\n\n${'> '.repeat(150)}x\n`)).toEqual({ line: 3, reason: 'lists, blockquotes or footnotes nested more than 100 deep' });
    expect(findPathology(`# T\n\n${'- a\n\nb\n\n'.repeat(20_000)}`)?.reason).toMatch(/^\d+ lists or quotes ended and 0 setext headings in \d+ lines/);
    expect(findPathology(`# T\n\n${'a\n===\n\n'.repeat(20_000)}`)?.reason).toMatch(/^0 lists or quotes ended and \d+ setext headings/);
    expect(findPathology(`# T\n\n${'- a\n'.repeat(50_000)}`)?.reason).toMatch(/^\d+ list items or quotes, \d+ paragraphs or headings, 0 table rows/);
  });

  it('leaves real documents alone, with room to spare', () => {
    // Twice the checkboxes of the longest checklist in 2,000 real documents (452).
    const checklist = Array.from({ length: 900 }, (_, i) => `- [ ] CHK${String(i).padStart(3, '0')} Is **this** [spec](./spec.md) _clear_? <!-- note -->`).join('\n');
    expect(findPathology(checklist)).toBeUndefined();
    for (const path of listMarkdown('examples')) {
      expect([path, estimateParseCost(readFileSync(path, 'utf8')).total < PARSE_BUDGET / 2]).toEqual([path, true]);
    }
  });
});

function listMarkdown(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listMarkdown(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}
