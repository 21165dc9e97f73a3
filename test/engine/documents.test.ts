import { describe, expect, it } from '@jest/globals';
import { defaultConfig, evaluate, toDocument } from '../../src/engine/index.js';
import { parseMarkdown } from '../../src/engine/markdown/parse.js';
import { scanLines } from '../../src/engine/markdown/scan-lines.js';

const MARKER = '[NEEDS CLARIFICATION: q]';

describe('reading documents', () => {
  it('blanks code, inline code and comments in the prose view, keeping positions', () => {
    const doc = toDocument('specs/001-a/spec.md', 'Intro `[NEEDS CLARIFICATION: x]` here\n<!-- note -->\n```\ncode\n```\n');
    expect(doc.prose[0]).toBe(`Intro ${' '.repeat('`[NEEDS CLARIFICATION: x]`'.length)} here`);
    expect(doc.prose[1]!.trim()).toBe('');
    expect(doc.prose[3]!.trim()).toBe('');
    expect(doc.lines[3]).toBe('code');
  });

  it('reads checkboxes of every real spelling', () => {
    const doc = toDocument('specs/001-a/checklists/q.md', '- [ ] a\n* [x] b\n1. [X] c\n- [~] d\n- [N/A] e\n  - [ ] nested\n');
    expect(doc.checkboxes.map((c) => [c.line, c.mark, c.checked])).toEqual([
      [1, ' ', false], [2, 'x', true], [3, 'X', true], [4, '~', false], [5, 'N/A', false], [6, ' ', false],
    ]);
    expect(doc.kind).toBe('checklist');
    expect(doc.feature).toBe('specs/001-a');
  });

  it('normalises CRLF and strips a BOM', () => {
    const report = evaluate({ files: [{ path: 'specs/001-a/spec.md', content: '\uFEFF# Feature Specification: A\r\n\r\nText\r\n' }], config: defaultConfig() });
    expect(report.documents).toEqual([{ path: 'specs/001-a/spec.md', kind: 'spec', family: 'generic' }]);
  });

  it('reports binary, invalid UTF-8 and oversized files as errors instead of crashing', () => {
    const config = { ...defaultConfig(), 'max-file-size': 100 };
    const report = evaluate({
      config,
      files: [
        { path: 'specs/001-a/bin.md', content: new Uint8Array([0x23, 0x00, 0x01]) },
        { path: 'specs/001-a/latin1.md', content: new Uint8Array([0x23, 0x20, 0x0a, 0xe9, 0x0a]) },
        { path: 'specs/001-a/big.md', content: 'x'.repeat(101) },
      ],
    });
    const found = report.gates.flatMap((g) => g.findings).map((f) => `${f.path}:${f.line} ${f.rule} ${f.severity}`);
    expect(found).toEqual([
      'specs/001-a/big.md:1 readable-document error',
      'specs/001-a/bin.md:1 readable-document error',
      'specs/001-a/latin1.md:2 readable-document error',
    ]);
    // The oversized file is still scanned line by line; a binary one cannot be.
    expect(report.documents.map((d) => d.path)).toEqual(['specs/001-a/big.md', 'specs/001-a/latin1.md']);
    expect(report.gates.find((g) => g.id === 'completeness')?.conclusion).toBe('failure');
  });

  it('scans only the first 16 MiB of a larger file, cut on a character boundary', () => {
    // One byte, then two-byte characters: the 16 MiB mark falls inside one of them.
    const text = `- [ ] T001 ${MARKER}\n#${'é'.repeat(9 * 1_048_576)}\n${MARKER}\n`;
    const report = evaluate({ files: [{ path: 'specs/001-a/spec.md', content: new TextEncoder().encode(text) }], config: defaultConfig() });
    const findings = report.gates.flatMap((g) => g.findings).map((f) => `${f.line} ${f.rule} ${f.message.slice(0, 40)}`);
    expect(findings.filter((f) => f.includes('readable-document'))).toEqual([expect.stringMatching(/^1 readable-document Unexpected file size of 18874\d+ bytes/)]);
    expect(report.gates.flatMap((g) => g.findings).find((f) => f.rule === 'readable-document')!.message).toMatch(/\(its first 16 MiB\)/);
    expect(findings.filter((f) => f.includes('no-unresolved-clarifications'))).toEqual([expect.stringMatching(/^1 /)]);
  });

  it('gates only documents in the roots, never templates or agent folders', () => {
    const files = ['specs/001-a/spec.md', '.specify/templates/spec-template.md', '.claude/commands/plan.md', 'README.md', '.specify/memory/constitution.md']
      .map((path) => ({ path, content: '# T\n' }));
    expect(evaluate({ files, config: defaultConfig() }).documents.map((d) => d.path)).toEqual(['.specify/memory/constitution.md', 'specs/001-a/spec.md']);
  });
});

// Where the parser sees an open marker, the line scan must too, and where the parser hides
// one (code, comments), the scan hides it: padding a file must change no finding.
const SCAN_CASES: Record<string, string> = {
  'a comment opened in a paragraph and closed after a blank line': `Intro <!-- not closed here\n\n- ${MARKER}\n\n-->\n`,
  'comment delimiters inside code spans': `\`<!--\` opens a comment; ${MARKER} \`-->\` closes it\n`,
  'a fence left open in a list item': `- item\n\n  \`\`\`\n  code\n\n${MARKER}\n`,
  'a list marker inside a fence in a list item': `1. Create it with:\n\n   \`\`\`markdown\n   - ${MARKER}\n   \`\`\`\n\n${MARKER}\n`,
  'a comment left open in a quote': `> <!-- quoted\n${MARKER}\n-->\n`,
  'a comment block across blank lines': `<!-- x\n\n${MARKER}\n\n-->\n`,
  'a comment inside a paragraph across lines': `text <!-- multi\n${MARKER}\n--> end\n`,
  'an inline comment': `a <!-- ${MARKER} --> b\n`,
  'the shortest comments': `a <!--> ${MARKER} <!---> b\n`,
  'a code span across lines': `\`a\n${MARKER}\nb\`\n`,
  'a code span with backticks inside': `\`\` a \` ${MARKER} \`\`\n`,
  'a fenced block': `\`\`\`\n${MARKER}\n\`\`\`\n\n${MARKER}\n`,
  'front matter': `---\ntitle: ${MARKER}\n---\n\n${MARKER}\n`,
};

describe('the line scan of a document too costly to parse', () => {
  const markerLines = (prose: readonly string[]): number[] => prose.flatMap((line, i) => (line.includes('NEEDS CLARIFICATION') ? [i + 1] : []));
  it.each(Object.entries(SCAN_CASES))('hides and shows the same markers as the parser: %s', (_name, text) => {
    expect(markerLines(scanLines(text).prose)).toEqual(markerLines(parseMarkdown(text).prose));
  });

  it('reads tables, task items and headings as the parser does', () => {
    const text = '# Spec #\n\n## Requirements *(mandatory)*\n\n| id | text |\n|----|:----:|\n| [FR-001](#fr) | `a \\| b` |\n\n- [x] done [link](x.md)\n  - [ ] nested\n';
    const scanned = scanLines(text);
    const parsed = parseMarkdown(text);
    expect(scanned.sections).toEqual(parsed.sections);
    expect(scanned.checkboxes.map(({ line, mark, checked, depth, text }) => ({ line, mark, checked, depth, text }))).toEqual(parsed.checkboxes);
    expect(scanned.tables.map((table) => [table.line, table.header.cells, table.rows.map((row) => row.cells[0])])).toEqual(parsed.tables.map((table) => [table.line, table.header.cells, table.rows.map((row) => row.cells[0])]));
  });
});
