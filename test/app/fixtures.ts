/** A small spec-kit feature, modelled on real gen-2 specs, with two open clarifications. */
export const SPEC_WITH_MARKERS = `# Feature Specification: Login

**Feature Branch**: \`001-login\`
**Created**: 2025-09-01
**Status**: Draft

## User Scenarios & Testing *(mandatory)*

### User Story 1 - Sign in (Priority: P1)

A user signs in with email and password.

**Acceptance Scenarios**:

1. **Given** a registered user, **When** they sign in, **Then** they see their dashboard.

## Requirements *(mandatory)*

### Functional Requirements

- **FR-001**: System MUST authenticate users via [NEEDS CLARIFICATION: which identity providers are supported?]
- **FR-002**: System MUST lock an account after [NEEDS CLARIFICATION: how many failed attempts?]

## Success Criteria *(mandatory)*

- **SC-001**: Users sign in within 10 seconds.
`;

/** The same spec with the first question answered, its marker removed and a line added above the second. */
export const SPEC_ONE_RESOLVED = SPEC_WITH_MARKERS
  .replace('**Status**: Draft', '**Status**: Draft\n**Input**: User description: "sign in"')
  .replace('via [NEEDS CLARIFICATION: which identity providers are supported?]', 'via email and password only')
  .replace('## Success Criteria', '## Clarifications\n\n### Session 2025-09-02\n\n- Q: Which identity providers? → A: Email and password only.\n\n## Success Criteria');

/** Both questions answered. */
export const SPEC_RESOLVED = SPEC_ONE_RESOLVED.replace('after [NEEDS CLARIFICATION: how many failed attempts?]', 'after 5 failed attempts');

export const CONFIG = `clarification-issues:
  mode: on-open
  max-per-pr: 10
`;

export const CONSTITUTION = `# Acme Constitution

## Core Principles

### I. Library-First
Every feature MUST start as a library.

**Version**: 1.0.0 | **Ratified**: 2025-06-13 | **Last Amended**: 2025-06-13
`;
