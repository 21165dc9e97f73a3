import type { FeatureCoverage } from './report/coverage.js';

/**
 * What a document is, from its path and content. Kiro's `requirements.md` and `bugfix.md`
 * are specs, its `design.md` a plan; OpenSpec's `spec.md` (main and delta) are specs, a
 * change's `design.md` a plan, its `proposal.md` a `proposal` (the why and what of one
 * change, which no spec-kit document matches). Kiro steering files and OpenSpec's
 * `project.md` are `other`.
 */
export const KINDS = [
  'spec', 'plan', 'tasks', 'checklist', 'constitution', 'research',
  'data-model', 'quickstart', 'contract', 'proposal', 'other',
] as const;
export type Kind = (typeof KINDS)[number];

/**
 * The template family a document was written from.
 * - `speckit-gen1`: spec-kit to v0.0.56 (Execution Flow, Progress Tracking, Gate Status).
 * - `speckit-gen2`: spec-kit v0.0.57 on (user stories, FR-/SC- ids, `[USn]` tasks).
 * - `speckit-epic`: the epic variant (`/speckit.plan` with epics and required checklists).
 * - `phased-plan`: a phased technical plan (Success Criteria, phases, Definition of Done).
 * - `milestone-plan`: a milestone task plan (Overview table, Production-Grade Checklist).
 * - `kiro`: Kiro's `.kiro/specs/<feature>/` (requirements or bugfix, design, tasks) and `.kiro/steering/`.
 * - `openspec`: OpenSpec's `openspec/specs/<capability>/spec.md` and `openspec/changes/<id>/`.
 * - `generic`: none of the above.
 */
export const FAMILIES = [
  'speckit-gen1', 'speckit-gen2', 'speckit-epic', 'phased-plan', 'milestone-plan', 'kiro', 'openspec', 'generic',
] as const;
export type Family = (typeof FAMILIES)[number];

export const GATES = ['clarifications', 'constitution', 'checklists', 'completeness', 'consistency'] as const;
export type GateId = (typeof GATES)[number];

export const SEVERITIES = ['error', 'warning', 'notice'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Conclusion = 'success' | 'failure' | 'neutral';

/** A file handed to the engine by a shell: a repository-relative path and its bytes or text. */
export interface SourceFile {
  /** POSIX path relative to the repository root. */
  path: string;
  content: string | Uint8Array;
  /** The file's real size in bytes when `content` holds only its start (a blob too large to fetch whole). */
  size?: number;
  /**
   * A name for exactly these bytes, chosen by the shell: the git blob SHA, or a hash of the
   * content. With a {@link ModelCache} the engine parses each key once.
   */
  key?: string;
}

/**
 * Document models by content key, kept by a shell between runs (a file for the CLI, an
 * in-process LRU for the App). The engine reads and fills it; it never decides how long
 * a model lives. Keys are {@link SourceFile.key}s; a shell that keeps models across
 * engine versions namespaces them by {@link MODEL_VERSION}.
 */
export interface ModelCache {
  get(key: string): PackedModel | undefined;
  set(key: string, model: PackedModel): void;
  /**
   * Whether {@link get} has a model for the key, without reading it. A cache that says so is
   * read only when a rule needs the document's model (a document whose findings a
   * {@link FindingCache} gives back is never read); should the model then not be there
   * after all, the text is parsed.
   */
  has?(key: string): boolean;
}

/**
 * Findings and coverage of earlier runs, by keys that name everything they depend on
 * (see incremental.ts), kept by a shell between runs like models. Values are plain JSON the
 * engine wrote and reads back; a value of the wrong shape reads as absent.
 */
export interface FindingCache {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** Bumped whenever {@link DocumentModel}, {@link PackedModel} or what the parser puts in them changes. */
export const MODEL_VERSION = 2;

/** One mdast node a rule reads, flattened in document order, with its source position. */
export interface ModelNode {
  type: 'text' | 'inlineCode' | 'link' | 'code' | 'html' | 'paragraph' | 'tableCell';
  /** `text`, `inlineCode`, `code`, `html`: the node's value; `link`: its URL; `paragraph`, `tableCell`: its text, markup stripped. */
  value: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** `paragraph`, `tableCell`: set when inline code is one of its children. */
  code?: true;
  /** `code` only: the language and meta of the info string. */
  lang?: string;
  meta?: string;
}

/** A top-level block of a document (a child of the mdast root): its type and lines. */
export interface Block {
  type: string;
  line: number;
  endLine: number;
}

/**
 * What parsing a text yields, everything rules read apart from the text itself: plain
 * JSON, so a shell can keep it (see {@link ModelCache}) or move it between threads. The
 * mdast tree it was read from is not kept.
 */
export interface DocumentModel {
  /** Character ranges `[start, end)` of the text blanked in `prose`. */
  blanks: Array<[number, number]>;
  sections: Section[];
  checkboxes: Checkbox[];
  tables: Table[];
  /** Parsed YAML front matter, when present and valid. */
  frontmatter?: Record<string, unknown>;
  /** Text, code, HTML, link, paragraph and table-cell nodes, in document order. */
  nodes: ModelNode[];
  /** The top-level blocks, in document order. */
  blocks: Block[];
}

/**
 * A {@link DocumentModel} as caches keep it and threads send it (markdown/pack.ts): plain
 * JSON, its nodes one flat array, and node values its text gives back left out. Opaque to
 * shells: only the engine packs and unpacks, with the text the model was parsed from.
 */
export interface PackedModel extends Omit<DocumentModel, 'nodes'> {
  nodes: Array<string | number>;
}

/** A heading and the lines it governs (up to the next heading of the same or a higher level). */
export interface Section {
  /** Heading text, inline markup stripped, trimmed. */
  title: string;
  depth: number;
  /** 1-based line of the heading. */
  line: number;
  /** 1-based last line of the section's body (inclusive). */
  endLine: number;
}

/** A task-list item: `- [ ]`, `* [x]`, `1. [X]`, and the non-standard `[~]`, `[-]`, `[N/A]`. */
export interface Checkbox {
  line: number;
  /** The mark between the brackets, as written: ' ', 'x', 'X', '~', '-', 'N/A'. */
  mark: string;
  checked: boolean;
  /** Item text after the box, prose only (code and comments removed). */
  text: string;
  /** Indentation depth: 0 for a top-level item. */
  depth: number;
}

export interface TableRow {
  line: number;
  /** Cell texts, inline markup stripped. */
  cells: string[];
}

export interface Table {
  line: number;
  header: TableRow;
  rows: TableRow[];
}

/** One parsed document, as every rule sees it: its model, and what its path and text say. */
export interface Document extends DocumentModel {
  path: string;
  kind: Kind;
  family: Family;
  /** The feature folder the document belongs to (`specs/001-x`), or '' for repository-level documents. */
  feature: string;
  /** Decoded text, BOM removed, line endings normalised to LF. */
  text: string;
  lines: string[];
  /**
   * `lines` with fenced and indented code, inline code, HTML (comments included) and
   * front matter blanked to spaces (the model's `blanks`), so positions stay exact and no
   * rule mistakes an example or a comment for content.
   */
  prose: string[];
  /**
   * Set when the document was too large or too costly to parse and was scanned line by
   * line instead (markdown/scan-lines.ts): `nodes` and `blocks` are then empty, and a rule
   * that reads them must read `prose` instead, or say nothing.
   */
  scanned?: true;
}

/** What a rule reports. */
export interface RawFinding {
  /** Defaults to the document being checked. */
  path?: string;
  line: number;
  column?: number;
  endLine?: number;
  message: string;
  /** This finding is about template state (see `RuleMeta.residue`), though its rule is not always. */
  residue?: boolean;
}

/** A finding, as the engine stamps it. */
export interface Finding {
  rule: string;
  gate: GateId;
  severity: Severity;
  path: string;
  line: number;
  column?: number;
  endLine?: number;
  message: string;
  docs: string;
}

export interface GateResult {
  id: GateId;
  conclusion: Conclusion;
  findings: Finding[];
}

export interface DocumentSummary {
  path: string;
  kind: Kind;
  family: Family;
}

/** The engine's whole answer. Shells render it; they never re-derive it. */
export interface Report {
  conclusion: Conclusion;
  gates: GateResult[];
  documents: DocumentSummary[];
  /** Requirement → task coverage per feature with a spec and a tasks document; absent when there is none. */
  coverage?: FeatureCoverage[];
  /**
   * What the run saw but did not gate, and the config that would gate it (markdown under a
   * known spec folder outside `roots`, or gated documents none of which is recognised); absent
   * when there is nothing to say.
   */
  notes?: string[];
  /** Every inline suppression (`<!-- specgate-disable… -->`) and what it suppressed; absent when there is none. */
  suppressions?: SuppressionEntry[];
}

/** One suppression comment and the findings it silenced: the audit trail in the report and the summary. */
export interface SuppressionEntry {
  path: string;
  /** Line of the comment. */
  line: number;
  /** The rule ids it names; empty for all rules. */
  rules: string[];
  reason: string;
  kind: 'next-line' | 'range';
  /** The findings it suppressed (rule and line). */
  suppressed: Array<{ rule: string; line: number }>;
}

