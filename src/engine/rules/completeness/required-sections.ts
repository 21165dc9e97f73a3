import type { Family, Kind } from '../../types.js';

// The plan's file layout, under the names real plans give it (`## Source layout`, `## File Structure`).
const PROJECT_STRUCTURE = 'Project Structure|Source layout|Source Structure|Source Code Structure|File Structure|Directory Structure|Code Structure';

/**
 * Headings that stand for a required section when the document writes its items as headings of
 * their own: a spec with `## FR-001: Core Data Models` (or `### FR-001 ...`, `### FR1: ...`) for each
 * requirement has its Requirements.
 */
export const ITEM_HEADINGS: Readonly<Record<string, RegExp>> = {
  Requirements: /^(?:FR|NFR|REQ)-?\d+\b/i,
};

/**
 * Sections each template makes mandatory, by kind and family. Titles match a heading
 * case-insensitively by prefix, after leading numbers and symbols (`## 2. Summary`).
 * Alternatives are separated by `|`.
 */
export const REQUIRED_SECTIONS: Partial<Record<Kind, Partial<Record<Family, readonly string[]>>>> = {
  spec: {
    'speckit-gen1': ['User Scenarios & Testing|User Scenarios|User Stories', 'Requirements|Functional Requirements'],
    'speckit-gen2': ['User Scenarios & Testing|User Scenarios|User Stories', 'Requirements|Functional Requirements', 'Success Criteria'],
  },
  plan: {
    'speckit-gen1': ['Summary', 'Technical Context', 'Constitution Check', PROJECT_STRUCTURE],
    'speckit-gen2': ['Summary', 'Technical Context', 'Constitution Check', PROJECT_STRUCTURE],
    'speckit-epic': ['Summary', 'Technical Context', 'Constitution Check', PROJECT_STRUCTURE, 'Validation'],
    'phased-plan': ['Success Criteria', 'Phase', 'Definition of Done'],
    'milestone-plan': ['Overview', 'Deliverables', 'Success Criteria', 'Implementation Steps', 'Production-Grade Checklist', 'Files to Create/Modify'],
  },
};

/** Strips what decorates a heading so titles compare by words. */
export function normaliseTitle(title: string): string {
  return title.replace(/^[^\p{L}]+/u, '').replace(/[*_`]/g, '').trim().toLowerCase();
}

/** Whether a heading title satisfies a required entry (`A|B` means either). */
export function titleMatches(title: string, required: string): boolean {
  const clean = normaliseTitle(title);
  return required.split('|').some((option) => clean.startsWith(option.trim().toLowerCase()));
}

// The sections spec-kit's current (v1.0) spec template adds to its gen-2 ones.
const V1_SPEC_SECTIONS = ['Assumptions|Dependencies & Assumptions|Dependencies and Assumptions'];
// What only the v1.0 spec template writes: its header fields one a paragraph
// (`**Created**: …`, a blank line, `**Status**: …`), which older templates run together.
const V1_HEADER = /^\*\*Created\*\*:[^\n]*\n[ \t]*\n\*\*Status\*\*:/m;

/** Whether a spec was written from spec-kit's v1.0 spec template (see {@link V1_HEADER}). */
export function isV1Spec(text: string): boolean {
  return V1_HEADER.test(text.slice(0, 2000));
}

/** The sections a document's template requires: its family's, and the v1.0 spec template's additions. */
export function requiredSectionsOf(kind: Kind, family: Family, text: string): readonly string[] {
  const base = REQUIRED_SECTIONS[kind]?.[family] ?? [];
  return kind === 'spec' && family === 'speckit-gen2' && isV1Spec(text) ? [...base, ...V1_SPEC_SECTIONS] : base;
}
