// User Story 1 of specs/001-offline-drafts: edits survive a lost connection and a restart.
export {};
