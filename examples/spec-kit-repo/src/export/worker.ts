// Streams notes and attachments into a zip (specs/002-export-markdown).
export {};
