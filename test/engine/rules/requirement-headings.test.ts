import { describe, expect, it } from '@jest/globals';
import { file, linesOf } from './helpers.js';

describe('a spec written as one heading per requirement has its Requirements', () => {
  // Modelled on wildcard__caro/specs/002-implement-tdd-green/spec.md (`### FR-001: Core Data Models`), laid out
  // as a Gen-2 spec.
  const head = [
    '# Feature Specification: Safety Validation',
    '',
    '**Feature Branch**: `002-safety`  ',
    '**Created**: 2025-01-01  ',
    '**Status**: Draft  ',
    '**Input**: User description: "validate commands"',
    '',
    '## User Scenarios & Testing *(mandatory)*',
    '',
    '### User Story 1 - Validate a command (Priority: P1)',
    '',
    '**Acceptance Scenarios**:',
    '',
    '1. **Given** a command, **When** it is checked, **Then** it is rated',
    '',
  ];
  const tail = ['', '## Success Criteria *(mandatory)*', '', '- **SC-001**: Ratings in under 50 ms'];

  it('accepts `## FR-001: ...` headings as the Requirements section', () => {
    const spec = file('specs/002-safety/spec.md', ...head,
      '## FR-001: Core Data Models', '', 'The system MUST model commands.', '',
      '## FR-002: Safety Validation', '', 'The system MUST rate each command.', ...tail);
    expect(linesOf('required-sections-present', [spec])).toEqual([]);
  });

  it('accepts `### FR-001 ...` headings too', () => {
    const spec = file('specs/002-safety/spec.md', ...head,
      '### FR-001 Core Data Models', '', 'The system MUST model commands.', ...tail);
    expect(linesOf('required-sections-present', [spec])).toEqual([]);
  });

  it('accepts `## Functional Requirements` as the Requirements section', () => {
    const spec = file('specs/002-safety/spec.md', ...head,
      '## Functional Requirements', '', '- **FR-001**: The system MUST model commands.', ...tail);
    expect(linesOf('required-sections-present', [spec])).toEqual([]);
  });

  it('still reports a spec with no requirements at all', () => {
    const spec = file('specs/002-safety/spec.md', ...head, '## Notes', '', 'Nothing yet.', ...tail);
    expect(linesOf('required-sections-present', [spec])).toEqual([{ path: spec.path, line: 1 }]);
  });
});

describe('a plan\'s Project Structure under another name', () => {
  // Modelled on FAIR-DM__django-literature/specs/004-import-references-bibtex/plan.md (`## Source layout`) and
  // wildcard__caro/kitty-specs/016-issue-8-add/plan.md (`## File Structure`).
  const plan = (structure: string) => file('specs/004-import/plan.md',
    '# Implementation Plan: Import', '', '**Branch**: `004-import` | **Date**: 2025-01-01 | **Spec**: [spec.md](./spec.md)', '',
    '## Summary', '', 'Import BibTeX files.', '',
    '## Technical Context', '', '**Language/Version**: Python 3.12', '',
    '## Constitution Check', '', '- Library-First: PASS', '',
    `## ${structure}`, '', '```text', 'src/literature/importers/', '```');

  it('accepts `Source layout` and `File Structure`', () => {
    expect(linesOf('required-sections-present', [plan('Source layout')])).toEqual([]);
    expect(linesOf('required-sections-present', [plan('File Structure')])).toEqual([]);
  });

  it('still reports a plan without any layout section', () => {
    expect(linesOf('required-sections-present', [plan('Phases')])).toEqual([{ path: 'specs/004-import/plan.md', line: 1 }]);
  });
});

describe('a plan whose summary is its lead paragraph has its Summary', () => {
  // Modelled on gram-data/pattern-hs specs/021-gram-serialization-update/plan.md: a paragraph under the title, then sections.
  const sections = ['', '## Technical Context', '', '- **Language**: Haskell', '', '## Constitution Check', '', '- ✅ Library-first: PASS', '', '## Project Structure', '', '```text', 'libs/gram/', '```'];

  it('accepts a lead paragraph of prose under the title', () => {
    const plan = file('specs/021-gram/plan.md', '# Implementation Plan - Update Gram Serialization', '',
      'The goal of this feature is to update the gram serialization logic to conform with the latest grammar.', ...sections);
    expect(linesOf('required-sections-present', [plan])).toEqual([]);
  });

  it('still reports a plan whose only lead is the template header fields', () => {
    const plan = file('specs/021-gram/plan.md', '# Implementation Plan: Gram', '',
      '**Branch**: `021-gram` | **Date**: 2025-11-01 | **Spec**: [spec.md](./spec.md)', '', '**Input**: Feature specification from `/specs/021-gram/spec.md`', ...sections);
    expect(linesOf('required-sections-present', [plan])).toEqual([{ path: 'specs/021-gram/plan.md', line: 1 }]);
  });
});
