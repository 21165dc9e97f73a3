// Export round trip (specs/002-export-markdown, User Story 1).
export {};
