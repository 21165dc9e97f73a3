// File names from titles, with creation-order suffixes for equal titles (specs/002-export-markdown FR-003).
export {};
