import { describe, expect, it } from '@jest/globals';
import { classifyFamily, classifyKind, featureFolder } from '../../src/engine/classify.js';
import { defaultConfig } from '../../src/engine/config/load.js';
import { isGated } from '../../src/engine/config/resolve.js';
import { evaluate } from '../../src/engine/evaluate.js';

function family(path: string, text: string): string {
  return classifyFamily(classifyKind(path, text), text, path);
}

describe('Kiro documents', () => {
  // Modelled on clawrenceharris__moovyzoo/.kiro/specs/search/{requirements,design,tasks}.md.
  const requirements = '# Requirements Document\n\n## Introduction\n\nSearch.\n\n## Requirements\n\n### Requirement 1\n\n**User Story:** As a user, I want to search, so that I find films.\n\n#### Acceptance Criteria\n\n1. WHEN a user types THEN the system SHALL show results\n';
  const tasks = '# Implementation Plan\n\n- [ ] 1. Create the search service\n  - _Requirements: 1.1_\n';

  it('reads requirements.md and bugfix.md as specs, design.md as a plan, tasks.md as tasks', () => {
    expect(classifyKind('.kiro/specs/search/requirements.md', requirements)).toBe('spec');
    expect(classifyKind('.kiro/specs/login-crash/bugfix.md', '# Bugfix\n')).toBe('spec');
    expect(classifyKind('.kiro/specs/search/design.md', '# Design Document\n')).toBe('plan');
    expect(classifyKind('.kiro/specs/search/tasks.md', tasks)).toBe('tasks');
    expect(classifyKind('.kiro/steering/tech.md', '# Technology Stack\n')).toBe('other');
  });

  it('detects the family from the layout, and from the content outside it', () => {
    expect(family('.kiro/specs/search/requirements.md', requirements)).toBe('kiro');
    expect(family('.kiro/specs/search/tasks.md', tasks)).toBe('kiro');
    expect(family('.kiro/steering/tech.md', '# Technology Stack\n')).toBe('kiro');
    expect(family('packages/web/.kiro/specs/search/design.md', '# Design Document\n')).toBe('kiro');
    expect(family('docs/specs/search/requirements.md', requirements)).toBe('kiro');
    expect(classifyKind('docs/specs/search/requirements.md', requirements)).toBe('spec');
  });

  it('keeps a spec-kit checklist named requirements.md a checklist', () => {
    expect(classifyKind('specs/001-x/checklists/requirements.md', '# Specification Quality Checklist\n\n- [ ] CHK001 x\n')).toBe('checklist');
    expect(classifyFamily('checklist', '# Specification Quality Checklist\n\n- [ ] CHK001 x\n', 'specs/001-x/checklists/requirements.md')).toBe('speckit-gen2');
  });

  it('takes the spec folder as the feature, and steering as repository-level', () => {
    expect(featureFolder('.kiro/specs/search/tasks.md', 'tasks')).toBe('.kiro/specs/search');
    expect(featureFolder('.kiro/specs/research/requirements.md', 'spec')).toBe('.kiro/specs/research');
    expect(featureFolder('.kiro/steering/tech.md', 'other')).toBe('');
  });
});

describe('OpenSpec documents', () => {
  // Modelled on 0xSSDD__j16z/openspec/specs/*/spec.md and openspec/changes/*/{proposal,tasks}.md.
  const main = '# search Specification\n\n## Purpose\n\nFind films.\n\n## Requirements\n\n### Requirement: Search\n\nThe system SHALL search.\n\n#### Scenario: Typed query\n\n- **WHEN** a user types\n- **THEN** results show\n';
  const delta = '## ADDED Requirements\n\n### Requirement: Filters\n\nThe system SHALL filter.\n\n#### Scenario: Genre\n\n- **WHEN** a genre is picked\n- **THEN** only that genre shows\n';
  const proposal = '# Change: Add filters\n\n## Why\n\nUsers cannot narrow results.\n\n## What Changes\n\n- Add filters\n';

  it('reads spec.md as a spec, proposal.md as a proposal, design.md as a plan, tasks.md as tasks', () => {
    expect(classifyKind('openspec/specs/search/spec.md', main)).toBe('spec');
    expect(classifyKind('openspec/changes/add-filters/specs/search/spec.md', delta)).toBe('spec');
    expect(classifyKind('openspec/changes/add-filters/proposal.md', proposal)).toBe('proposal');
    expect(classifyKind('openspec/changes/add-filters/design.md', '# Design\n')).toBe('plan');
    expect(classifyKind('openspec/changes/archive/2025-01-01-add-filters/tasks.md', '## 1. Build\n- [ ] 1.1 x\n')).toBe('tasks');
    expect(classifyKind('openspec/project.md', '# Project Context\n')).toBe('other');
  });

  it('detects the family from the layout, and from the content outside it', () => {
    expect(family('openspec/specs/search/spec.md', main)).toBe('openspec');
    expect(family('openspec/changes/add-filters/proposal.md', proposal)).toBe('openspec');
    expect(family('openspec/project.md', '# Project Context\n')).toBe('openspec');
    expect(family('docs/specs/search/spec.md', main)).toBe('openspec');
    expect(family('docs/specs/add-filters/spec.md', delta)).toBe('openspec');
  });

  it('takes the change folder as the feature of its delta specs, the capability folder for a main spec', () => {
    expect(featureFolder('openspec/changes/add-filters/specs/search/spec.md', 'spec')).toBe('openspec/changes/add-filters');
    expect(featureFolder('openspec/changes/add-filters/tasks.md', 'tasks')).toBe('openspec/changes/add-filters');
    expect(featureFolder('openspec/changes/archive/2025-01-01-add-filters/specs/search/spec.md', 'spec')).toBe('openspec/changes/archive/2025-01-01-add-filters');
    expect(featureFolder('openspec/specs/search/spec.md', 'spec')).toBe('openspec/specs/search');
    expect(featureFolder('openspec/project.md', 'other')).toBe('');
  });
});

describe('default roots', () => {
  const config = defaultConfig();

  it('gate Kiro spec and steering folders and the openspec folder, archived changes included', () => {
    expect(isGated('.kiro/specs/search/requirements.md', config)).toBe(true);
    expect(isGated('.kiro/steering/tech.md', config)).toBe(true);
    expect(isGated('openspec/specs/search/spec.md', config)).toBe(true);
    expect(isGated('openspec/changes/archive/2025-01-01-x/tasks.md', config)).toBe(true);
  });

  it('skip OpenSpec agent instructions, Kiro settings and other archives', () => {
    expect(isGated('openspec/AGENTS.md', config)).toBe(false);
    expect(isGated('.kiro/settings/mcp.md', config)).toBe(false);
    expect(isGated('specs/archive/001-old/spec.md', config)).toBe(false);
  });
});

describe('a repository with spec folders but no recognised document', () => {
  it('ends neutral with a note naming what was seen and the config that would gate it', () => {
    const config = { ...defaultConfig(), roots: ['specs'] };
    const tree = new Set(['.kiro/specs/search/requirements.md', '.kiro/specs/search/tasks.md', '.kiro/steering/tech.md', 'README.md']);
    const report = evaluate({ files: [...tree].map((path) => ({ path, content: '# x\n' })), config, tree });
    expect(report.conclusion).toBe('neutral');
    expect(report.notes).toEqual([
      'Unexpected 3 markdown documents under `.kiro/specs` (2), `.kiro/steering` (1) and none gated, expected them under `roots`: add `roots: [specs, .kiro/specs, .kiro/steering]` to `.github/specgate.yml` to gate them',
    ]);
  });

  it('ends neutral with a note when gated documents are none of the known kinds', () => {
    const files = [{ path: 'specs/notes/ideas.md', content: '# Ideas\n\nSome thoughts.\n' }];
    const report = evaluate({ files, config: defaultConfig() });
    expect(report.conclusion).toBe('neutral');
    expect(report.notes).toEqual([
      "Unexpected 1 markdown document under `specs` (1) and none recognised as a spec, plan, tasks or proposal document, expected a known layout: spec-kit's `specs/<feature>/spec.md`, Kiro's `.kiro/specs/<feature>/requirements.md` or OpenSpec's `openspec/specs/<capability>/spec.md` (or set `roots` in `.github/specgate.yml` to the folders that hold them)",
    ]);
  });

  it('adds no note when a document is recognised', () => {
    const files = [{ path: '.kiro/specs/search/requirements.md', content: '# Requirements Document\n\n## Introduction\n\nSearch.\n' }];
    const report = evaluate({ files, config: defaultConfig() });
    expect(report.notes).toBeUndefined();
    expect(report.documents).toEqual([{ path: '.kiro/specs/search/requirements.md', kind: 'spec', family: 'kiro' }]);
  });
});

describe('the note in the rendered reports', () => {
  it('is printed by the text and markdown renderers', async () => {
    const { renderMarkdown, renderText } = await import('../../src/engine/report/index.js');
    const config = { ...defaultConfig(), roots: ['specs'] };
    const tree = new Set(['openspec/specs/search/spec.md']);
    const report = evaluate({ files: [], config, tree });
    expect(renderText(report)).toContain('Note: Unexpected 1 markdown document under `openspec` (1) and none gated');
    expect(renderMarkdown(report)).toContain('> Unexpected 1 markdown document under `openspec` (1) and none gated');
  });
});

describe('the coverage table of a Kiro feature', () => {
  it('has one row per acceptance criterion, covered by the tasks that cite it', () => {
    // Modelled on clawrenceharris__moovyzoo/.kiro/specs/search/{requirements,tasks}.md.
    const requirements = '# Requirements Document\n\n## Requirements\n\n### Requirement 1\n\n**User Story:** As a user, I want search, so that I find films.\n\n#### Acceptance Criteria\n\n1. WHEN a user types THEN the system SHALL show results\n2. IF nothing matches THEN the system SHALL say so\n';
    const tasks = '# Implementation Plan\n\n- [ ] 1. Build the search bar\n  - _Requirements: 1.1_\n\n- [ ] 2. Results\n  - [ ] 2.1 Show results\n    - _Requirements: 1.1_\n  - _Requirements: All requirements_\n';
    const report = evaluate({
      files: [{ path: '.kiro/specs/search/requirements.md', content: requirements }, { path: '.kiro/specs/search/tasks.md', content: tasks }],
      config: defaultConfig(),
    });
    expect(report.coverage).toEqual([{
      feature: '.kiro/specs/search', spec: '.kiro/specs/search/requirements.md', tasks: '.kiro/specs/search/tasks.md', traced: true,
      rows: [{ id: '1.1', line: 11, via: 'id', tasks: ['1', '2.1'] }, { id: '1.2', line: 12, via: 'none', tasks: [] }],
    }]);
  });
});

describe('open questions of Kiro documents', () => {
  it('are clarification markers there, and nowhere else', async () => {
    const { findClarificationMarkers } = await import('../../src/engine/rules/clarifications/find-clarification-markers.js');
    const { toDocument } = await import('../../src/engine/documents.js');
    const text = '# Design Document\n\n## Overview\n\nCapacity: TBD\n\n## Open Questions\n\n- Should private habitats appear in search?\n';
    expect(findClarificationMarkers(toDocument('.kiro/specs/habitats/design.md', text)).map((m) => [m.line, m.form, m.question])).toEqual([
      [5, 'tbd', 'Capacity: TBD'],
      [9, 'open-question', 'Should private habitats appear in search?'],
    ]);
    // A spec-kit plan keeps its own marker syntax only.
    expect(findClarificationMarkers(toDocument('specs/001-habitats/plan.md', `# Implementation Plan\n\n## Summary\n\nX.\n\n## Technical Context\n\n${text}`))).toEqual([]);
  });
});

describe('notes across several roots (specgate check a b)', () => {
  it('are kept, each prefixed by its root', async () => {
    const { mergeReports, prefixPaths } = await import('../../src/cli/merge-reports.js');
    const config = { ...defaultConfig(), roots: ['specs'] };
    const unseen = evaluate({ files: [], config, tree: new Set(['.kiro/specs/a/tasks.md']) });
    const seen = evaluate({ files: [{ path: 'specs/001-a/spec.md', content: '# Feature Specification: A\n' }], config });
    const merged = mergeReports([prefixPaths(unseen, 'web'), prefixPaths(seen, 'api')]);
    expect(merged.notes).toEqual([`web: ${unseen.notes![0]!}`]);
  });
});

describe('family detection cost', () => {
  it('is linear on a megabyte of blank lines (a line-start `\\s*` once spanned every blank line below it)', () => {
    const text = '\n'.repeat(1_048_576);
    const started = performance.now();
    expect(classifyFamily(classifyKind('specs/001-a/notes.md', text), text, 'specs/001-a/notes.md')).toBe('generic');
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
