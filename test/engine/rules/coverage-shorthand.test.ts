import { describe, expect, it } from '@jest/globals';
import { defaultConfig, evaluate, rules, toDocument, type Finding } from '../../../src/engine/index.js';
import { buildCoverage, renderCoverageMarkdown, renderCoverageText } from '../../../src/engine/report/coverage.js';
import { headingStories, referencedIds, taskItems } from '../../../src/engine/rules/consistency/trace.js';

const folder = 'specs/001-deck-sharing';

function findings(rule: string, files: Record<string, string>): string[] {
  const only = rules.filter((r) => r.meta.id === rule);
  const report = evaluate({
    files: Object.entries(files).map(([path, content]) => ({ path, content })),
    config: defaultConfig(),
    rules: only,
  });
  return report.gates
    .flatMap((gate) => gate.findings)
    .filter((finding: Finding) => finding.rule === rule)
    .map((finding) => `${finding.path}:${finding.line}`)
    .sort();
}

const SPEC = `# Feature Specification: Deck Sharing

### User Story 1 - Share a deck (Priority: P1)

**Acceptance Scenarios**:
1. **Given** a deck, **When** shared, **Then** a link is copied.

### User Story 2 - Revoke (Priority: P2)

**Acceptance Scenarios**:
1. **Given** a link, **When** revoked, **Then** it stops working.

## Requirements

- **FR-001**: System MUST create a share link
- **FR-002**: System MUST copy the link
- **FR-003**: System MUST let the owner revoke a link
- **FR-004**: System MUST expire links after 30 days
- **FR-005**: System MUST log every share
- **SC-001**: Users share a deck in under 10 seconds
- **SC-002**: Revoked links stop working within a minute
- **SC-003**: No link outlives its deck
`;

describe('requirement ids cited in shorthand', () => {
  it('expands slash lists, comma continuations and ranges to each id', () => {
    // Shapes from michael-graute__modular-web-syntheziser/specs/014-chordfinder-keyboard-sync/tasks.md
    // (`(FR-006/007)`) and RonnyRoos__cerebrobot/specs/001-build-cerebrobot-s/checklists/review-summary.md
    // (`SC-002/003/004`).
    const ids = (text: string): string[] => [...referencedIds([text]).keys()].sort();
    expect(ids('scenario (FR-006/007)')).toEqual(['FR-006', 'FR-007']);
    expect(ids('FR-007/008/009')).toEqual(['FR-007', 'FR-008', 'FR-009']);
    expect(ids('SC-002/SC-003')).toEqual(['SC-002', 'SC-003']);
    expect(ids('covers SC-001, 002')).toEqual(['SC-001', 'SC-002']);
    expect(ids('FR-001, FR-003, 004 and 005')).toEqual(['FR-001', 'FR-003', 'FR-004', 'FR-005']);
    expect(ids('FR-001..004')).toEqual(['FR-001', 'FR-002', 'FR-003', 'FR-004']);
    expect(ids('FR-001–FR-004')).toEqual(['FR-001', 'FR-002', 'FR-003', 'FR-004']);
    expect(ids('FR-001..003, 005')).toEqual(['FR-001', 'FR-002', 'FR-003', 'FR-005']);
  });

  it('does not read a following number as an id', () => {
    // Shape from nicholaspsmith__memoryloop/specs/001-claude-flashcard/tasks.md:
    // `(question/answer flip per FR-013, FR-014, 4-button rating)`.
    const ids = (text: string): string[] => [...referencedIds([text]).keys()].sort();
    expect(ids('flip per FR-013, FR-014, 4-button rating')).toEqual(['FR-013', 'FR-014']);
    expect(ids('per FR-013, 2 tasks, 30 days')).toEqual(['FR-013']);
    expect(ids('FR-003/2025 release')).toEqual(['FR-003']);
  });

  const tasks = `# Tasks

## Phase 3: User Story 1 - Share a deck (Priority: P1)

- [ ] T001 [US1] Create and copy links in src/share/link.ts (FR-001/002/003)
- [ ] T002 [US1] Expire and log links in src/share/expire.ts (FR-004, 005; SC-001, 002, 003)
`;

  it('passes: every id of a shorthand list is covered', () => {
    expect(findings('requirements-covered-by-tasks', { [`${folder}/spec.md`]: SPEC, [`${folder}/tasks.md`]: tasks })).toEqual([]);
    const [coverage] = buildCoverage([toDocument(`${folder}/spec.md`, SPEC), toDocument(`${folder}/tasks.md`, tasks)]);
    expect(coverage?.rows.every((row) => row.via === 'id')).toBe(true);
  });

  it('fails: an id left out of the lists is a gap', () => {
    const missing = tasks.replace('FR-004, 005', 'FR-004');
    expect(findings('requirements-covered-by-tasks', { [`${folder}/spec.md`]: SPEC, [`${folder}/tasks.md`]: missing })).toEqual([`${folder}/spec.md:19`]);
  });
});

describe('a phase heading naming user stories', () => {
  // Shape from nicholaspsmith__memoryloop/specs/001-speckit-workflow-improvements/tasks.md
  // (`## Phase 1: User Stories 1-3 (Priority: P1)`) and henriquelopeslima__l1face/specs/004-atas-api-integration/tasks.md
  // (`### Implementação — Data Layer (US1 + US2)`).
  const spec = SPEC
    .replace('- **FR-003**: System MUST let the owner revoke a link', '- **FR-003**: System MUST let the owner revoke a link (User Story 2)')
    .replace('- **FR-004**: System MUST expire links after 30 days', '- **FR-004**: System MUST expire links after 30 days (User Story 3)');

  it('gives its tasks every story it names', () => {
    const doc = toDocument(`${folder}/tasks.md`, '# Tasks\n\n## Phase 1: User Stories 1-3 (Priority: P1)\n\n- [ ] T001 Build it\n\n### Data Layer (US1 + US4)\n\n- [ ] T002 Store it\n');
    expect(taskItems(doc).map((task) => [...task.stories].sort())).toEqual([[1, 2, 3], [1, 2, 3, 4]]);
    expect([...headingStories('Phase 2: User Story 1 & 2 - Basic Prompts')]).toEqual([1, 2]);
    expect([...headingStories('Phase 5: User Story 3 - 10 Minute Setup')]).toEqual([3]);
    expect([...headingStories('Phase 4 (US1, 3 endpoints)')]).toEqual([1]);
    expect([...headingStories('Phase 6 (US2-US4)')]).toEqual([2, 3, 4]);
  });

  it('passes: requirements of the named stories are covered', () => {
    const tasks = '# Tasks\n\n## Phase 3: User Stories 1-3 (Priority: P1)\n\n- [ ] T001 Create, copy, revoke and expire links in src/share/link.ts\n';
    expect(findings('requirements-covered-by-tasks', { [`${folder}/spec.md`]: spec, [`${folder}/tasks.md`]: tasks })).toEqual([]);
  });

  it('fails: a story no heading or label names has no task', () => {
    const tasks = '# Tasks\n\n## Phase 3: User Stories 1-2 (Priority: P1)\n\n- [ ] T001 Create, copy and revoke links in src/share/link.ts\n';
    expect(findings('requirements-covered-by-tasks', { [`${folder}/spec.md`]: spec, [`${folder}/tasks.md`]: tasks })).toEqual([`${folder}/spec.md:18`]);
  });
});

describe('a feature whose tasks cite no requirement ids', () => {
  // Shape from busla__summerhouse/specs/012-fix-routing-waf (tasks by story phase, no `FR-` ids).
  const untraced = `# Tasks

## Phase 3: User Story 1 - Share a deck (Priority: P1)

- [ ] T001 [US1] Create links in src/share/link.ts

## Phase 4: User Story 2 - Revoke (Priority: P2)

- [ ] T002 [US2] Revoke links in src/share/revoke.ts
`;

  it('passes: no per-requirement gaps, and the table says untraced', () => {
    expect(findings('requirements-covered-by-tasks', { [`${folder}/spec.md`]: SPEC, [`${folder}/tasks.md`]: untraced })).toEqual([]);
    const features = buildCoverage([toDocument(`${folder}/spec.md`, SPEC), toDocument(`${folder}/tasks.md`, untraced)]);
    expect(features[0]?.traced).toBe(false);
    expect(renderCoverageText(features)).toContain('untraced: the tasks cite no requirement ids');
    expect(renderCoverageMarkdown(features)).toContain('untraced: the tasks cite no requirement ids');
  });

  it('fails once, not per requirement, when requirements belong to a story with no task', () => {
    const spec = SPEC
      .replace('- **FR-004**: System MUST expire links after 30 days', '- **FR-004**: System MUST expire links after 30 days (User Story 3)')
      .replace('- **FR-005**: System MUST log every share', '- **FR-005**: System MUST log every share (User Story 3)');
    expect(findings('requirements-covered-by-tasks', { [`${folder}/spec.md`]: spec, [`${folder}/tasks.md`]: untraced })).toEqual([`${folder}/spec.md:18`]);
  });

  it('marks a traced feature as traced', () => {
    const traced = untraced.replace('Create links in', 'Create links (FR-001) in');
    const features = buildCoverage([toDocument(`${folder}/spec.md`, SPEC), toDocument(`${folder}/tasks.md`, traced)]);
    expect(features[0]?.traced).toBe(true);
    expect(renderCoverageText(features)).not.toContain('untraced');
  });
});

describe('a checklist naming tasks', () => {
  // Shape from RonnyRoos__cerebrobot/specs/015-ux-navigation-redesign/quickstart.md
  // (`- [ ] T095: Manual responsive testing ...` in a validation checklist).
  const tasks = '# Tasks\n\n- [ ] T014 Test the sidebar in tests/sidebar.test.ts\n- [ ] T015 Test the panel in tests/panel.test.ts\n';
  const checklist = (extra: string): string => `# Validation Checklist

## Automated

- [ ] CHK001 Sidebar tests pass
- [ ] T014 verified: sidebar hover latency under 100ms

## Manual

- [ ] CHK002 Panel animation is smooth
- [ ] T014 verified again on a phone
- [ ] T015 verified${extra}
`;

  it('passes: task ids in a checklist are mentions, not definitions', () => {
    const files = { [`${folder}/tasks.md`]: tasks, [`${folder}/checklists/validation.md`]: checklist('') };
    expect(findings('unique-ids', files)).toEqual([]);
    expect(findings('task-references-exist', files)).toEqual([]);
  });

  it('fails: a checklist id defined twice is still a duplicate', () => {
    const files = { [`${folder}/tasks.md`]: tasks, [`${folder}/checklists/validation.md`]: checklist('\n- [ ] CHK002 Panel opens') };
    expect(findings('unique-ids', files)).toEqual([`${folder}/checklists/validation.md:13`]);
  });

  it('fails: a task defined twice in tasks.md is still a duplicate', () => {
    // Shape from angusmccloud__inventory-management-context/specs/011-mobile-responsive-ui/tasks.md (T024 twice).
    const files = { [`${folder}/tasks.md`]: `${tasks}- [X] T014 Test the sidebar in tests/sidebar.test.ts\n` };
    expect(findings('unique-ids', files)).toEqual([`${folder}/tasks.md:5`]);
  });
});

describe('task labels in either order', () => {
  // Shape from RonnyRoos__cerebrobot/specs/011-agent-crud-ui/tasks.md (`- [X] T008 [P] [US1] Unit test ...`),
  // with the labels swapped as some generators write them.
  const spec = '# Feature Specification: Agents\n\n### User Story 1 - List agents (Priority: P1)\n\n**Acceptance Scenarios**:\n1. **Given** agents, **When** listed, **Then** shown.\n';

  it('passes: `[US1] [P]` and `[P] [US1]` are one format', () => {
    const tasks = '# Tasks\n\n- [ ] T008 [US1] [P] Unit test the agents route in apps/server/agents.test.ts\n- [ ] T009 [P] [US1] Unit test the list in apps/client/AgentList.test.tsx\n';
    expect(findings('task-line-format', { [`${folder}/tasks.md`]: tasks })).toEqual([]);
    const items = taskItems(toDocument(`${folder}/tasks.md`, tasks));
    expect(items.map((task) => [...task.labels])).toEqual([[1], [1]]);
    expect(findings('task-references-exist', { [`${folder}/spec.md`]: spec, [`${folder}/tasks.md`]: tasks })).toEqual([]);
  });

  it('fails: a task with labels and no description', () => {
    const tasks = '# Tasks\n\n- [ ] T008 [US1] [P]\n';
    expect(findings('task-line-format', { [`${folder}/tasks.md`]: tasks })).toEqual([`${folder}/tasks.md:3`]);
  });
});
