import { describe, expect, it } from '@jest/globals';
import { classifyFamily, classifyKind } from '../../src/engine/classify.js';

describe('classifyKind', () => {
  it('reads a constitution by its name or its title', () => {
    expect(classifyKind('.specify/memory/constitution.md', '# Whatever\n')).toBe('constitution');
    expect(classifyKind('docs/PRINCIPLES.md', '# Caro Project Constitution\n')).toBe('constitution');
  });

  it('does not take reports and checklists about the constitution for the constitution', () => {
    expect(classifyKind('memory/constitution_update_checklist.md', '# Constitution Update Checklist\n\n- [ ] Sync templates\n')).toBe('other');
    expect(classifyKind('specs/020-constitution-improvements/review-report.md', '# Review Report: Constitution Command Improvements\n')).toBe('other');
    expect(classifyKind('specs/059-constitution-frontmatter-migration/test-report.md', '# Test Report: Constitution Frontmatter Migration\n')).toBe('other');
  });
});

describe('classifyFamily', () => {
  it('does not take a free-form plan with only a Technical Context heading for a spec-kit plan', () => {
    // Modelled on wildcard/caro kitty-specs/016-issue-8-add/plan.md: Technical Context, then its own phases.
    const plan = '# Implementation Plan: Property-Based Tests\n\n## Technical Context\n\nRust, proptest.\n\n## Implementation Approach\n\n### Phase 1: Setup\n';
    expect(classifyFamily('plan', plan)).toBe('generic');
  });

  it('reads a plan with a Technical Context and a Summary or Constitution Check as spec-kit', () => {
    expect(classifyFamily('plan', '# Plan\n\n## Summary\n\nX.\n\n## Technical Context\n\nY.\n')).toBe('speckit-gen2');
    expect(classifyFamily('plan', '# Plan\n\n## Constitution Check\n\nPASS\n')).toBe('speckit-gen2');
  });
});
