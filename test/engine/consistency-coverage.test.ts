import { describe, expect, it } from '@jest/globals';
import { defaultConfig, evaluate, toDocument } from '../../src/engine/index.js';
import { buildCoverage, renderCoverageMarkdown, renderCoverageText } from '../../src/engine/report/coverage.js';
import { renderText } from '../../src/engine/report/text.js';

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
- **FR-003**: System MUST let the owner revoke a link (User Story 2)
- **FR-004**: System MUST expire links after 30 days
- **SC-001**: Users share a deck in under 10 seconds
`;

const TASKS = `# Tasks

## Phase 3: User Story 1 - Share a deck (Priority: P1)

**Maps to**: FR-001–FR-002

- [ ] T001 [US1] Create links in src/share/link.ts
- [ ] T002 [US1] Copy links in src/share/copy.ts

## Phase 4: User Story 2 - Revoke (Priority: P2)

- [ ] T003 [US2] Revoke links in src/share/revoke.ts
`;

const folder = 'specs/001-deck-sharing';
const documents = [toDocument(`${folder}/spec.md`, SPEC), toDocument(`${folder}/tasks.md`, TASKS)];

describe('coverage table', () => {
  it('covers by id range, by phase line and by user story, and marks the gap', () => {
    const [coverage] = buildCoverage(documents);
    expect(coverage?.feature).toBe(folder);
    const rows = Object.fromEntries((coverage?.rows ?? []).map((row) => [row.id, [row.via, row.tasks.join(' ')]]));
    expect(rows).toEqual({
      'FR-001': ['id', 'T001 T002'],
      'FR-002': ['id', 'T001 T002'],
      'FR-003': ['story', 'T003'],
      'FR-004': ['none', ''],
    });
  });

  it('marks requirements of an untraced feature as undecided, not as gaps', () => {
    const untraced = toDocument(`${folder}/tasks.md`, TASKS.replace('**Maps to**: FR-001–FR-002', ''));
    const [coverage] = buildCoverage([documents[0]!, untraced]);
    expect(coverage?.rows.map((row) => row.via)).toEqual(['unknown', 'unknown', 'story', 'unknown']);
  });

  it('renders text and markdown with the gap marked', () => {
    const features = buildCoverage(documents);
    expect(renderCoverageText(features)).toContain('FR-004   GAP');
    expect(renderCoverageMarkdown(features)).toContain('| FR-004 | — | ❌ gap |');
    expect(renderCoverageMarkdown([])).toBe('');
  });

  it('travels in the report and the text renderer, in step with requirements-covered-by-tasks', () => {
    const report = evaluate({ files: documents.map((d) => ({ path: d.path, content: d.text })), config: defaultConfig() });
    expect(report.coverage).toHaveLength(1);
    const gaps = report.gates.flatMap((gate) => gate.findings).filter((f) => f.rule === 'requirements-covered-by-tasks');
    expect(gaps.map((f) => `${f.path}:${f.line}`)).toEqual([`${folder}/spec.md:18`]);
    expect(renderText(report)).toContain('Requirement coverage');
  });
});
