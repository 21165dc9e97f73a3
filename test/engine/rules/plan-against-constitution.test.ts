import { describe, expect, it } from '@jest/globals';
import { defaultConfig, evaluate } from '../../../src/engine/index.js';

// Modelled on angusmccloud/inventory-management-context: plans of 2025-12-10 that check
// "constitution v1.1.0" principles I-VII, against a constitution at 1.2.3 (amended
// 2025-12-30) that added VIII. Component Library.
const constitution = `# Pantry Constitution

## Core Principles

### I. Type Safety
Every boundary is validated.

### II. Test-First (NON-NEGOTIABLE)
Tests first.

### III. Component Library
Shared components only.

## Governance

**Version**: 1.2.3 | **Ratified**: 2025-12-08 | **Last Amended**: 2025-12-30
`;

function plan(header: string, citation = ''): string {
  return `# Implementation Plan: Members

**Branch**: \`003-members\` | ${header} | **Spec**: [spec.md](./spec.md)

## Constitution Check
${citation}
- ✅ I. Type Safety: Zod on every handler
- ✅ II. Test-First: contract tests first
`;
}

function findings(planText: string): Array<[string, number, string]> {
  const report = evaluate({
    files: [{ path: '.specify/memory/constitution.md', content: constitution }, { path: 'specs/003-members/plan.md', content: planText }],
    config: defaultConfig(),
  });
  return report.gates.flatMap((gate) => gate.findings)
    .filter((finding) => finding.rule.startsWith('constitution-'))
    .map((finding) => [finding.rule, finding.line, finding.message]);
}

describe('a plan checked against an earlier constitution gets one finding', () => {
  it('names the principles it does not address in the outdated-version finding', () => {
    const found = findings(plan('**Date**: 2025-12-10', '\nChecked against constitution v1.1.0.\n'));
    expect(found).toHaveLength(1);
    expect(found[0]![0]).toBe('constitution-version-current');
    expect(found[0]![2]).toMatch(/`1\.1\.0`; it does not address `III\. Component Library`, expected the current `1\.2\.3`/);
  });

  it('says a plan dated before the last amendment predates it', () => {
    const found = findings(plan('**Date**: 2025-12-10'));
    expect(found).toEqual([['constitution-version-current', 5, expect.stringMatching(/the plan \(2025-12-10\) predates its last amendment \(2025-12-30, `1\.2\.3`\); it does not address `III\. Component Library`/)]]);
  });

  it('reads a date written in words', () => {
    // angusmccloud/inventory-management-context specs/007-domain-integration/plan.md: `**Date**: December 9, 2025`.
    const found = findings(plan('**Date**: December 9, 2025'));
    expect(found).toEqual([['constitution-version-current', 5, expect.stringContaining('the plan (2025-12-09) predates its last amendment')]]);
  });

  it('reports the missing principle itself in a plan written after the amendment', () => {
    const found = findings(plan('**Date**: 2026-01-05'));
    expect(found).toEqual([['constitution-principles-addressed', 5, expect.stringContaining('`III. Component Library`')]]);
  });

  it('says nothing of an old plan that addresses every principle', () => {
    const complete = plan('**Date**: 2025-12-10').replace('contract tests first\n', 'contract tests first\n- ✅ III. Component Library: shared Button\n');
    expect(findings(complete)).toEqual([]);
  });
});
