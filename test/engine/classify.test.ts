import { describe, expect, it } from '@jest/globals';
import { classifyKind } from '../../src/engine/classify.js';

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
