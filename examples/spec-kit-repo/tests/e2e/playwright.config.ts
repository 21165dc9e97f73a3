// Playwright with network emulation for the offline scenarios (specs/001-offline-drafts).
export {};
