import { describe, expect, it } from '@jest/globals';
import { defaultConfig, evaluate, toDocument } from '../../src/engine/index.js';

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

  it('gates only documents in the roots, never templates or agent folders', () => {
    const files = ['specs/001-a/spec.md', '.specify/templates/spec-template.md', '.claude/commands/plan.md', 'README.md', '.specify/memory/constitution.md']
      .map((path) => ({ path, content: '# T\n' }));
    expect(evaluate({ files, config: defaultConfig() }).documents.map((d) => d.path)).toEqual(['.specify/memory/constitution.md', 'specs/001-a/spec.md']);
  });
});
