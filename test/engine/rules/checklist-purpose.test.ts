import { describe, expect, it } from '@jest/globals';
import { file, linesOf } from './helpers.js';

describe('a gate checklist is known by its title and purpose', () => {
  // Modelled on angusmccloud__inventory-management-context/specs/007-domain-integration/checklists/requirements.md,
  // saved under another name.
  const specQuality = file('specs/007-domain/checklists/spec-quality.md',
    '# Specification Quality Checklist: Live Domain Integration',
    '',
    '**Purpose**: Validate specification completeness and quality before proceeding to planning',
    '**Feature**: [spec.md](../spec.md)',
    '',
    '## Content Quality',
    '',
    '- [ ] No implementation details (languages, frameworks, APIs)',
    '- [x] Focused on user value and business needs',
  );

  it('treats a spec quality checklist under any file name as a gate checklist', () => {
    expect(linesOf('gate-checklists-complete', [specQuality])).toEqual([{ path: specQuality.path, line: 8 }]);
    expect(linesOf('domain-checklists-complete', [specQuality])).toEqual([]);
  });

  // Modelled on seanbarlow__doit/specs/025-git-hooks-workflow/checklists/requirements.md and the domain
  // checklists `/speckit.checklist` writes (`# Security Checklist: ...`), saved as `requirements.md`.
  const security = file('specs/025-hooks/checklists/requirements.md',
    '# Security Checklist: Git Hook Integration',
    '',
    '**Purpose**: Review the hook scripts for unsafe shell use before release',
    '',
    '- [ ] CHK001 Are hook inputs quoted?',
    '- [x] CHK002 Is the bypass logged?',
  );

  it('treats a domain checklist named like a gate as a domain checklist', () => {
    expect(linesOf('gate-checklists-complete', [security])).toEqual([]);
    expect(linesOf('domain-checklists-complete', [security])).toEqual([{ path: security.path, line: 5 }]);
  });

  // Modelled on angusmccloud__inventory-management-context/specs/004-suggester-workflow/checklists/requirements.md.
  it('keeps a requirements checklist that validates the spec a gate checklist', () => {
    const requirements = file('specs/004-suggester/checklists/requirements.md',
      '# Requirements Checklist: Suggester Workflow',
      '',
      '**Purpose**: Validate that all requirements from the specification are testable and complete',
      '',
      '- [ ] FR-001 is testable',
    );
    expect(linesOf('gate-checklists-complete', [requirements])).toEqual([{ path: requirements.path, line: 5 }]);
    expect(linesOf('domain-checklists-complete', [requirements])).toEqual([]);
  });
});

describe('done tasks and open checklists', () => {
  // Modelled on seanbarlow__doit/specs/025-git-hooks-workflow/checklists/requirements.md: a `**Legend**:` list of
  // marks (`- [ ] Not started`) under a checklist whose items are all settled.
  const tasks = file('specs/025-hooks/tasks.md', '# Tasks', '', '## Phase 1: Setup', '', '- [x] T001 Add PyYAML dependency to pyproject.toml');

  it('does not count a legend entry as an open item', () => {
    const checklist = file('specs/025-hooks/checklists/requirements.md',
      '# Specification Quality Checklist: Git Hooks', '', '- [x] CHK001 Requirements are testable', '',
      '**Legend**:', '- [ ] Not started', '- [~] In progress', '- [x] Complete');
    expect(linesOf('done-tasks-have-closed-checklists', [tasks, checklist])).toEqual([]);
  });

  it('still reports a real open item of a domain checklist', () => {
    const checklist = file('specs/025-hooks/checklists/ux.md',
      '# UX Checklist: Git Hooks', '', '- [ ] CHK001 Requirements are testable', '',
      '**Legend**:', '- [ ] Not started');
    expect(linesOf('done-tasks-have-closed-checklists', [tasks, checklist])).toEqual([{ path: checklist.path, line: 3 }]);
  });
});
