// Offline drafts: local store and sync queue (specs/001-offline-drafts).
export {};
