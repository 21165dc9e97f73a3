import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_MARKDOWN_LENGTH, GATES, renderJson, renderMarkdown, renderSarif, renderText,
  type Finding, type GateId, type Report, type Severity,
} from '../../src/engine/index.js';

function finding(index: number, gate: GateId = 'clarifications', severity: Severity = 'error', message = `Unexpected marker \`${index}\``): Finding {
  return { rule: 'no-unresolved-clarifications', gate, severity, path: `specs/00${index % 3}-x/spec.md`, line: index + 1, message, docs: 'https://example.test/r.md' };
}

function reportOf(findings: Finding[]): Report {
  return {
    conclusion: findings.some((f) => f.severity === 'error') ? 'failure' : 'success',
    gates: GATES.map((id) => {
      const own = findings.filter((f) => f.gate === id);
      return { id, conclusion: own.some((f) => f.severity === 'error') ? 'failure' : 'success', findings: own };
    }),
    documents: [{ path: 'specs/000-x/spec.md', kind: 'spec', family: 'speckit-gen2' }],
  };
}

describe('renderMarkdown', () => {
  it('shows every finding when they fit', () => {
    const out = renderMarkdown(reportOf([finding(0), finding(1, 'checklists', 'warning')]));
    expect(out).toContain('| ❌ clarifications | failure | 1 error |');
    expect(out).toContain('| ✅ checklists | success | 1 warning |');
    expect(out).toContain('`specs/000-x/spec.md:1` Unexpected marker `0`');
    expect(out).not.toContain('more finding');
  });

  it('truncates under maxLength with a count of the findings left out', () => {
    // One rule per finding, so that no two findings group into one entry.
    const many = Array.from({ length: 3000 }, (_, i) => ({ ...finding(i, GATES[i % GATES.length], 'error', `Unexpected text \`${'x'.repeat(i % 200)}\``), rule: `rule-${i}` }));
    for (const maxLength of [DEFAULT_MARKDOWN_LENGTH, 65_535, 20_000, 1_200, 700]) {
      const out = renderMarkdown(reportOf(many), { maxLength });
      expect(out.length).toBeLessThanOrEqual(maxLength);
      const shown = out.split('\n').filter((line) => line.startsWith('- **')).length;
      expect(out).toContain(`… ${3000 - shown} more findings not shown`);
    }
  });

  it('gives the findings of one rule in one document one entry with their count and lines', () => {
    const atLines = (path: string, lines: number[]): Finding[] => lines.map((line) => ({ ...finding(0), path, line, message: `Unexpected marker \`${line}\`` }));
    const out = renderMarkdown(reportOf([...atLines('specs/001-x/spec.md', [10, 3, 8]), ...atLines('specs/002-y/spec.md', [4])]));
    const entries = out.split('\n').filter((line) => line.startsWith('- **'));
    expect(entries).toEqual([
      '- **error** `specs/001-x/spec.md:3` Unexpected marker `3` (3 findings, lines 3, 8, 10) ([no-unresolved-clarifications](https://example.test/r.md))',
      '- **error** `specs/002-y/spec.md:4` Unexpected marker `4` ([no-unresolved-clarifications](https://example.test/r.md))',
    ]);
    expect(out).toContain('| ❌ clarifications | failure | 4 errors |');
  });

  it('lists at most twelve lines of a group and counts the rest', () => {
    const lines = Array.from({ length: 15 }, (_, i) => i + 1);
    const out = renderMarkdown(reportOf(lines.map((line) => ({ ...finding(0), path: 'specs/001-x/spec.md', line }))));
    expect(out).toContain('(15 findings, lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 3 more)');
  });

  it('counts the findings, not the entries, that do not fit', () => {
    const grouped = Array.from({ length: 400 }, (_, i) => ({ ...finding(0), path: `specs/${String(Math.floor(i / 4)).padStart(3, '0')}-x/spec.md`, line: i + 1 }));
    const out = renderMarkdown(reportOf(grouped), { maxLength: 2_000 });
    const shown = out.split('\n').filter((line) => line.startsWith('- **')).length;
    expect(out).toContain(`… ${400 - 4 * shown} more findings not shown`);
  });

  it('keeps a multi-line message on one list item', () => {
    const out = renderMarkdown(reportOf([finding(0, 'completeness', 'error', 'First\nsecond')]));
    expect(out).toContain('First second');
  });

  it('never exceeds even an absurdly small maxLength', () => {
    expect(renderMarkdown(reportOf([finding(0)]), { maxLength: 10 }).length).toBeLessThanOrEqual(10);
  });
});

describe('renderText', () => {
  it('groups findings by file in line order and ends with one verdict per gate', () => {
    const out = renderText(reportOf([finding(4), finding(1, 'checklists', 'warning'), finding(3)]));
    const lines = out.split('\n');
    const first = lines.indexOf('specs/001-x/spec.md');
    expect(lines[first + 1]).toMatch(/^\s+2\s+warning\s+Unexpected marker `1`\s+no-unresolved-clarifications$/);
    expect(lines[first + 2]).toMatch(/^\s+5\s+error/);
    expect(out).toMatch(/✗ clarifications\s+failure\s+2 errors/);
    expect(out).toMatch(/✓ consistency\s+success\s+no findings/);
    expect(out.trimEnd().split('\n').at(-1)).toBe('Result: failure (1 document checked, 2 errors, 1 warning)');
  });
});

describe('renderText grouping', () => {
  it('gives the findings of one rule in one file one line with their count and lines', () => {
    const findings = [7, 2, 5].map((line) => ({ ...finding(0), path: 'specs/001-x/plan.md', line, rule: 'no-template-residue', message: `Unexpected template placeholder \`[DATE]\` ${line}` }));
    const out = renderText(reportOf([...findings, { ...finding(0), path: 'specs/001-x/plan.md', line: 3 }]));
    const lines = out.split('\n');
    const at = lines.indexOf('specs/001-x/plan.md');
    expect(lines[at + 1]).toMatch(/^\s+2\s+error\s+Unexpected template placeholder `\[DATE\]` 2 \(3 findings, lines 2, 5, 7\)\s+no-template-residue$/);
    expect(lines[at + 2]).toMatch(/^\s+3\s+error\s+Unexpected marker `0`\s+no-unresolved-clarifications$/);
    expect(lines[at + 3]).toBe('');
    expect(out).toContain('Result: failure (1 document checked, 4 errors)');
  });
});

describe('renderJson and renderSarif', () => {
  it('leaves out engine-internal fields from the JSON report', () => {
    const parsed = JSON.parse(renderJson(reportOf([{ ...finding(0), column: 3 }])));
    expect(parsed.gates[0].findings[0]).toEqual({ rule: 'no-unresolved-clarifications', severity: 'error', path: 'specs/000-x/spec.md', line: 1, column: 3, message: 'Unexpected marker `0`', docs: 'https://example.test/r.md' });
  });

  it('maps notice to the SARIF level note and indexes rules', () => {
    const rules = [{ id: 'no-unresolved-clarifications', gate: 'clarifications' as const, description: 'd', severity: 'notice' as const }];
    const sarif = JSON.parse(renderSarif(reportOf([finding(0, 'clarifications', 'notice')]), { rules, version: '1.2.3' }));
    expect(sarif.runs[0].tool.driver).toMatchObject({ name: 'specgate', version: '1.2.3', rules: [{ id: 'no-unresolved-clarifications', defaultConfiguration: { level: 'note' } }] });
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleIndex: 0, level: 'note' });
  });
});
