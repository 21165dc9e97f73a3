import { describe, expect, it } from '@jest/globals';
import { defaultConfig, evaluate, type Report } from '../../src/engine/index.js';
import { scanLines } from '../../src/engine/markdown/scan-lines.js';
import { toDocument } from '../../src/engine/documents.js';

const SPEC = [
  '# Feature Specification: Login',
  '',
  '## Requirements',
  '',
  '- **FR-001**: System MUST authenticate users via [NEEDS CLARIFICATION: which identity provider?]',
  '',
  '<!-- a hidden [NEEDS CLARIFICATION: not a question] -->',
  '',
  '```text',
  '[NEEDS CLARIFICATION: an example in a fence]',
  '```',
  '',
  '- [ ] An open item with `[NEEDS CLARIFICATION: inline code]`',
  '',
].join('\n');

const found = (report: Report): string[] => report.gates.flatMap((g) => g.findings).map((f) => `${f.line} ${f.rule} ${f.severity}`);
const conclusion = (report: Report, gate: string): string | undefined => report.gates.find((g) => g.id === gate)?.conclusion;

describe('a document that cannot be fully checked fails closed', () => {
  it('over max-file-size (padded with a hidden comment): completeness fails and the marker still fails clarifications', () => {
    const padded = `${SPEC}<!--${' pad'.repeat(400)} -->\n`;
    const report = evaluate({ files: [{ path: 'specs/001-login/spec.md', content: padded }], config: { ...defaultConfig(), 'max-file-size': 1_000 } });
    expect(conclusion(report, 'completeness')).toBe('failure');
    expect(conclusion(report, 'clarifications')).toBe('failure');
    expect(found(report)).toEqual(expect.arrayContaining(['1 readable-document error', '5 no-unresolved-clarifications error']));
    // Only the real marker: hidden, fenced and inline-code ones are mentions, as for parsed documents.
    expect(found(report).filter((f) => f.includes('no-unresolved-clarifications'))).toEqual(['5 no-unresolved-clarifications error']);
    const message = report.gates.flatMap((g) => g.findings).find((f) => f.rule === 'readable-document')!.message;
    expect(message).toMatch(/max-file-size.*scanned line by line.*Split the file, raise `max-file-size`.*`exclude`/);
  });

  it('too costly to parse: the same', () => {
    const costly = `${SPEC}\n${']'.repeat(30_000)}\n`;
    const report = evaluate({ files: [{ path: 'specs/001-login/spec.md', content: costly }], config: defaultConfig() });
    expect(conclusion(report, 'completeness')).toBe('failure');
    expect(found(report)).toEqual(expect.arrayContaining(['5 no-unresolved-clarifications error']));
    expect(found(report).some((f) => /readable-document error/.test(f))).toBe(true);
  });

  it('scans the same markers, checkboxes and headings the parser finds on an ordinary document', () => {
    const scanned = scanLines(SPEC);
    expect(scanned.sections.map((s) => [s.title, s.line, s.endLine])).toEqual([['Feature Specification: Login', 1, 14], ['Requirements', 3, 14]]);
    expect(scanned.checkboxes).toEqual([expect.objectContaining({ line: 13, checked: false, mark: ' ' })]);
    expect(scanned.prose[6]!.trim()).toBe('');
    expect(scanned.prose[9]!.trim()).toBe('');
    expect(scanned.prose[12]).not.toContain('NEEDS');
  });

  it('scans a multi-megabyte file in linear time', () => {
    const big = `${SPEC}${'- [ ] T001 a `code` <!-- c --> line with [NEEDS CLARIFICATION: q?]\n'.repeat(60_000)}`;
    const started = performance.now();
    const report = evaluate({ files: [{ path: 'specs/001-login/spec.md', content: big }], config: defaultConfig() });
    expect(conclusion(report, 'completeness')).toBe('failure');
    // A hang guard, not a benchmark.
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('toDocument, used outside the gate run (marker collection, base texts), never hands the parser a costly text', () => {
    const document = toDocument('specs/001-login/spec.md', `${SPEC}\n${']'.repeat(30_000)}\n`);
    expect(document.scanned).toBe(true);
    expect(toDocument('specs/001-login/spec.md', SPEC).scanned).toBeUndefined();
  });
});
