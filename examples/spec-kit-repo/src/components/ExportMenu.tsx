// The Export menu item (specs/002-export-markdown).
export {};
