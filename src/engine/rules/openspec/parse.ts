import type { Document } from '../../types.js';

/**
 * OpenSpec's document shapes, read the way OpenSpec's own validator reads them: headings on
 * lines outside fenced code (a fence opens with three or more backticks or tildes at any
 * indent and closes with a run of the same character at least as long), `## ` sections,
 * `### Requirement: <name>` blocks that run to the next requirement or `## ` heading, and
 * any `#### ` heading with a body as a scenario.
 */

/** Where a path sits in an OpenSpec tree. */
export type OpenSpecPlace =
  | { type: 'main-spec'; root: string; capability: string }
  | { type: 'delta-spec'; root: string; change: string; archived: boolean; capability: string }
  | { type: 'change-file'; root: string; change: string; archived: boolean; file: string };

const MAIN_SPEC = /^(.*?)openspec\/specs\/(.+)\/spec\.md$/;
const CHANGE_FILE = /^(.*?)openspec\/changes\/(archive\/)?([^/]+)\/(.+)$/;

/**
 * The place of a repository path in an OpenSpec tree: a main spec (`openspec/specs/<cap>/spec.md`),
 * a change's delta spec (`openspec/changes/<id>/specs/<cap>/spec.md`), another file of a change
 * (`proposal.md`, `tasks.md`, ...; archived under `changes/archive/<id>/`), or undefined.
 * `root` is whatever precedes `openspec/` (empty at a repository's top).
 */
export function openspecPlace(path: string): OpenSpecPlace | undefined {
  const main = MAIN_SPEC.exec(path);
  if (main && (main[1] === '' || main[1]!.endsWith('/'))) return { type: 'main-spec', root: main[1]!, capability: main[2]! };
  const change = CHANGE_FILE.exec(path);
  if (!change || !(change[1] === '' || change[1]!.endsWith('/'))) return undefined;
  if (change[2] === undefined && change[3] === 'archive') return undefined;
  const [root, archived, id, file] = [change[1]!, change[2] !== undefined, change[3]!, change[4]!];
  const delta = /^specs\/(.+)\/spec\.md$/.exec(file);
  if (delta) return { type: 'delta-spec', root, change: id, archived, capability: delta[1]! };
  return { type: 'change-file', root, change: id, archived, file };
}

/** The path of the main spec a capability's deltas apply to. */
export function mainSpecPath(root: string, capability: string): string {
  return `${root}openspec/specs/${capability}/spec.md`;
}

/** The folder of an active or archived change. */
export function changeFolder(root: string, change: string, archived: boolean): string {
  return `${root}openspec/changes/${archived ? 'archive/' : ''}${change}`;
}

/** Per line (0-based): whether the line is part of a fenced code block, fence lines included. */
export function fenceMask(lines: readonly string[]): boolean[] {
  const mask = new Array<boolean>(lines.length).fill(false);
  let open: { marker: string; length: number } | undefined;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (!open) {
      const opener = /^\s*(`{3,}|~{3,})/.exec(line);
      if (opener) {
        open = { marker: opener[1]![0]!, length: opener[1]!.length };
        mask[index] = true;
      }
      continue;
    }
    mask[index] = true;
    const closer = /^\s*(`{3,}|~{3,})\s*$/.exec(line);
    if (closer && closer[1]![0] === open.marker && closer[1]!.length >= open.length) open = undefined;
  }
  return mask;
}

/** A `## ` section: its title, heading line (1-based) and last line (inclusive). */
export interface TopSection {
  title: string;
  line: number;
  endLine: number;
}

/** A scenario heading (`#### ...`) of a requirement block. */
export interface Scenario {
  /** Heading text without `#### `, a closing `#` run and a `Scenario:` prefix. */
  name: string;
  line: number;
  /** Whether anything but blank lines follows the heading before the next heading of level 1–4. */
  hasBody: boolean;
}

/** A `### Requirement: <name>` block. */
export interface RequirementBlock {
  name: string;
  /** 1-based line of the heading. */
  line: number;
  /** 1-based last line of the block (inclusive). */
  endLine: number;
  /** The requirement's text: body lines up to the first heading, metadata lines only when nothing else is there. */
  text: string;
  scenarios: Scenario[];
}

/** The parsed lines of one document, shared by the readers below. */
export interface OpenSpecLines {
  lines: readonly string[];
  fenced: readonly boolean[];
  sections: TopSection[];
}

const REQUIREMENT_HEADING = /^###\s*Requirement:\s*(.+)\s*$/i;
const TOP_HEADING = /^##\s+(.+)$/;
const METADATA_LINE = /^\*\*[^*]+\*\*:/;

/** Normalises a requirement name as OpenSpec does: a closing `#` run dropped, trimmed. */
export function requirementName(name: string): string {
  return name.replace(/[ \t]+#+[ \t]*$/, '').trim();
}

const linesCache = new WeakMap<Document, OpenSpecLines>();
const deltaCache = new WeakMap<OpenSpecLines, DeltaSpec>();

/** The lines, fence mask and `## ` sections of a document (read once per document). */
export function readLines(document: Document): OpenSpecLines {
  const cached = linesCache.get(document);
  if (cached) return cached;
  const read = scanLines(document);
  linesCache.set(document, read);
  return read;
}

function scanLines(document: Document): OpenSpecLines {
  const lines = document.lines;
  const fenced = fenceMask(lines);
  const sections: TopSection[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    if (fenced[index]) continue;
    const match = TOP_HEADING.exec(lines[index]!);
    if (!match) continue;
    const previous = sections.at(-1);
    if (previous) previous.endLine = index;
    sections.push({ title: match[1]!.trim(), line: index + 1, endLine: lines.length });
  }
  return { lines, fenced, sections };
}

/** Whether a 0-based line is a requirement heading outside fences. */
export function isRequirementHeading(read: OpenSpecLines, index: number): boolean {
  return !read.fenced[index] && REQUIREMENT_HEADING.test(read.lines[index]!);
}

/** The requirement blocks between two 1-based lines (inclusive), each up to the next requirement or `## ` heading. */
export function requirementBlocks(read: OpenSpecLines, from: number, to: number): RequirementBlock[] {
  const blocks: RequirementBlock[] = [];
  for (let index = from - 1; index < to; index += 1) {
    if (!isRequirementHeading(read, index)) continue;
    let end = index + 1;
    while (end < to && !isRequirementHeading(read, end) && !(read.fenced[end] === false && TOP_HEADING.test(read.lines[end]!))) end += 1;
    const name = requirementName(REQUIREMENT_HEADING.exec(read.lines[index]!)![1]!);
    blocks.push({ name, line: index + 1, endLine: end, text: requirementText(read, index + 1, end), scenarios: scenarios(read, index + 1, end) });
    index = end - 1;
  }
  return blocks;
}

/** A requirement's text: non-blank body lines (0-based, `from` to `to` exclusive) up to the first heading. */
function requirementText(read: OpenSpecLines, from: number, to: number): string {
  const captured: string[] = [];
  const metadata: string[] = [];
  for (let index = from; index < to; index += 1) {
    if (read.fenced[index]) continue;
    const line = read.lines[index]!;
    if (/^#{1,6}\s/.test(line)) break;
    const trimmed = line.trim();
    if (trimmed === '') continue;
    (METADATA_LINE.test(trimmed) ? metadata : captured).push(trimmed);
  }
  return (captured.length > 0 ? captured : metadata).join('\n');
}

/** The `#### ` headings between two 0-based lines (`to` exclusive), each with whether it has a body. */
function scenarios(read: OpenSpecLines, from: number, to: number): Scenario[] {
  const found: Scenario[] = [];
  for (let index = from; index < to; index += 1) {
    if (read.fenced[index] || !/^####\s+/.test(read.lines[index]!)) continue;
    let end = index + 1;
    while (end < to && (read.fenced[end] || !/^#{1,4}\s/.test(read.lines[end]!))) end += 1;
    const body = read.lines.slice(index + 1, end).join('\n').trim();
    found.push({ name: scenarioName(read.lines[index]!), line: index + 1, hasBody: body.length > 0 });
  }
  return found;
}

/** A scenario heading's name, as OpenSpec compares them. */
export function scenarioName(line: string): string {
  return line.replace(/^####\s+/, '').replace(/[ \t]+#+[ \t]*$/, '').replace(/^Scenario:\s*/i, '').trim();
}

/** Whether a text states SHALL or MUST (as whole words, in capitals). */
export function statesShallOrMust(text: string): boolean {
  return /\b(?:SHALL|MUST)\b/.test(text);
}

/** A main spec's `## Requirements` section (the first), if any. */
export function requirementsSection(read: OpenSpecLines): TopSection | undefined {
  return read.sections.find((section) => /^Requirements$/i.test(section.title));
}

/** The requirement blocks of a main spec: those inside its `## Requirements` section. */
export function mainRequirements(read: OpenSpecLines): RequirementBlock[] {
  const section = requirementsSection(read);
  return section ? requirementBlocks(read, section.line + 1, section.endLine) : [];
}

export const DELTA_OPERATIONS = ['ADDED', 'MODIFIED', 'REMOVED', 'RENAMED'] as const;
export type DeltaOperation = (typeof DELTA_OPERATIONS)[number];

/** One entry of a delta spec: a requirement added, modified or removed, or a rename. */
export interface DeltaEntry {
  operation: DeltaOperation;
  name: string;
  line: number;
  /** The whole block, for ADDED and MODIFIED (and REMOVED written as a heading). */
  block?: RequirementBlock;
}

/** A rename: `FROM: ### Requirement: Old` followed by `TO: ### Requirement: New`. */
export interface Rename {
  from: string;
  to: string;
  fromLine: number;
  toLine: number;
}

/** A `FROM:` or `TO:` line that formed no pair. */
export interface UnpairedRename {
  side: 'FROM' | 'TO';
  name: string;
  line: number;
}

/** What a change's delta spec holds. */
export interface DeltaSpec {
  /** The delta sections (`## ADDED Requirements`, ...; case-insensitive, repeated sections kept). */
  sections: (TopSection & { operation: DeltaOperation })[];
  added: DeltaEntry[];
  modified: DeltaEntry[];
  removed: DeltaEntry[];
  renamed: Rename[];
  unpaired: UnpairedRename[];
}

const FROM_LINE = /^\s*[-*+]?\s*FROM:\s*`?###\s*Requirement:\s*(.+?)`?\s*$/;
const TO_LINE = /^\s*[-*+]?\s*TO:\s*`?###\s*Requirement:\s*(.+?)`?\s*$/;
const REMOVED_BULLET = /^\s*[-*+]\s*`?###\s*Requirement:\s*(.+?)`?\s*$/;

/** The delta operation a `## ` section title names, if it is a delta section. */
export function deltaOperation(title: string): DeltaOperation | undefined {
  const match = /^(ADDED|MODIFIED|REMOVED|RENAMED) Requirements$/i.exec(title);
  return match ? (match[1]!.toUpperCase() as DeltaOperation) : undefined;
}

/** Reads a change's delta spec (once per document). */
export function readDelta(read: OpenSpecLines): DeltaSpec {
  const cached = deltaCache.get(read);
  if (cached) return cached;
  const delta = scanDelta(read);
  deltaCache.set(read, delta);
  return delta;
}

function scanDelta(read: OpenSpecLines): DeltaSpec {
  const delta: DeltaSpec = { sections: [], added: [], modified: [], removed: [], renamed: [], unpaired: [] };
  for (const section of read.sections) {
    const operation = deltaOperation(section.title);
    if (!operation) continue;
    delta.sections.push({ ...section, operation });
    if (operation === 'RENAMED') readRenames(read, section, delta);
    else if (operation === 'REMOVED') readRemoved(read, section, delta);
    else {
      const entries = requirementBlocks(read, section.line + 1, section.endLine).map((block) => ({ operation, name: block.name, line: block.line, block }));
      (operation === 'ADDED' ? delta.added : delta.modified).push(...entries);
    }
  }
  return delta;
}

function readRemoved(read: OpenSpecLines, section: TopSection, delta: DeltaSpec): void {
  const blocks = new Map(requirementBlocks(read, section.line + 1, section.endLine).map((block) => [block.line, block]));
  for (let index = section.line; index < section.endLine; index += 1) {
    if (read.fenced[index]) continue;
    const line = read.lines[index]!;
    const heading = line.includes('###') ? (REQUIREMENT_HEADING.exec(line) ?? REMOVED_BULLET.exec(line)) : null;
    if (!heading) continue;
    const block = blocks.get(index + 1);
    delta.removed.push({ operation: 'REMOVED', name: requirementName(heading[1]!), line: index + 1, ...(block ? { block } : {}) });
  }
}

function readRenames(read: OpenSpecLines, section: TopSection, delta: DeltaSpec): void {
  let pending: { name: string; line: number } | undefined;
  for (let index = section.line; index < section.endLine; index += 1) {
    if (read.fenced[index]) continue;
    const line = read.lines[index]!;
    // Cheap tests first: the patterns' leading \s* runs are costly on long blank-ish lines.
    const from = line.includes('FROM:') ? FROM_LINE.exec(line) : null;
    const to = from || !line.includes('TO:') ? null : TO_LINE.exec(line);
    if (from) {
      if (pending) delta.unpaired.push({ side: 'FROM', ...pending });
      pending = { name: requirementName(from[1]!), line: index + 1 };
    } else if (to) {
      const name = requirementName(to[1]!);
      if (!pending) delta.unpaired.push({ side: 'TO', name, line: index + 1 });
      else delta.renamed.push({ from: pending.name, to: name, fromLine: pending.line, toLine: index + 1 });
      pending = undefined;
    }
  }
  if (pending) delta.unpaired.push({ side: 'FROM', ...pending });
}

/** Whether a delta spec holds any entry (a requirement in a delta section, or a rename). */
export function hasEntries(delta: DeltaSpec): boolean {
  return delta.added.length + delta.modified.length + delta.removed.length + delta.renamed.length > 0;
}

/** The documents of a run that are delta specs of one change, with their places. */
export function changeDeltaSpecs(all: readonly Document[], root: string, change: string, archived: boolean): Document[] {
  return all.filter((document) => {
    const place = openspecPlace(document.path);
    return place?.type === 'delta-spec' && place.root === root && place.change === change && place.archived === archived;
  });
}

/**
 * The requirement blocks the requirement rules hold to their shape: a main spec's, and the
 * ADDED and MODIFIED ones of an active change's delta spec (REMOVED names only; archived
 * changes are history).
 */
export function checkedRequirements(document: Document): RequirementBlock[] {
  const place = openspecPlace(document.path);
  if (place?.type === 'main-spec') return mainRequirements(readLines(document));
  if (place?.type !== 'delta-spec' || place.archived) return [];
  const delta = readDelta(readLines(document));
  return [...delta.added, ...delta.modified].map((entry) => entry.block!).sort((a, b) => a.line - b.line);
}
