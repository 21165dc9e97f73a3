import type { DocumentModel, ModelNode, PackedModel } from '../types.js';

/**
 * The document model in the form a {@link ModelCache} keeps and a worker thread sends: its
 * nodes as one flat array, and each node's value left out when the text it was parsed from
 * gives it back. Most of a model is its text and paragraph nodes, whose values are a slice
 * of the source and the concatenation of the nodes inside them: packed, a model is a
 * fraction of its JSON, and reading it back allocates a fraction of the objects.
 *
 * Every value left out is checked at packing against exactly what unpacking will compute,
 * so `unpackModel(packModel(model, text), text)` equals `model` for any model and text.
 */

const TYPES: ReadonlyArray<ModelNode['type']> = ['text', 'inlineCode', 'link', 'code', 'html', 'paragraph', 'tableCell'];
const TYPE_CODE = new Map(TYPES.map((type, code) => [type, code]));
// Flags added to the type code (low three bits).
const HAS_CODE = 8;
const HAS_LANG = 16;
const HAS_META = 32;
const DERIVED = 64;

/** Nodes whose value is the source slice they span, when it is (no escape, entity or continuation indent in it). */
const SLICED: ReadonlySet<ModelNode['type']> = new Set(['text', 'html']);
/** Nodes whose value is their text: the values of the text, inline code and HTML nodes inside them. */
const JOINED: ReadonlySet<ModelNode['type']> = new Set(['paragraph', 'tableCell']);
const INNER: ReadonlySet<ModelNode['type']> = new Set(['text', 'inlineCode', 'html']);

export function packModel(model: DocumentModel, text: string): PackedModel {
  const { nodes, ...rest } = model;
  const offsets = lineOffsets(text);
  const flat: Array<string | number> = [];
  for (const [index, node] of nodes.entries()) {
    const derived = derive(nodes, index, text, offsets);
    let code = TYPE_CODE.get(node.type)!;
    if (node.code) code |= HAS_CODE;
    if (node.lang !== undefined) code |= HAS_LANG;
    if (node.meta !== undefined) code |= HAS_META;
    if (derived === node.value) code |= DERIVED;
    flat.push(code, node.line, node.column, node.endLine, node.endColumn);
    if (derived !== node.value) flat.push(node.value);
    if (node.lang !== undefined) flat.push(node.lang);
    if (node.meta !== undefined) flat.push(node.meta);
  }
  return { ...rest, nodes: flat };
}

export function unpackModel(packed: PackedModel, text: string): DocumentModel {
  const { nodes: flat, ...rest } = packed;
  const offsets = lineOffsets(text);
  const nodes: ModelNode[] = [];
  const pending: number[] = [];
  for (let at = 0; at < flat.length;) {
    const code = flat[at++] as number;
    const node: ModelNode = {
      type: TYPES[code & 7]!,
      value: '',
      line: flat[at++] as number,
      column: flat[at++] as number,
      endLine: flat[at++] as number,
      endColumn: flat[at++] as number,
    };
    if (code & DERIVED) pending.push(nodes.length);
    else node.value = flat[at++] as string;
    if (code & HAS_CODE) node.code = true;
    if (code & HAS_LANG) node.lang = flat[at++] as string;
    if (code & HAS_META) node.meta = flat[at++] as string;
    nodes.push(node);
  }
  // Joined values read the nodes after them, so the sliced ones are filled in first.
  for (const index of pending) if (SLICED.has(nodes[index]!.type)) nodes[index]!.value = derive(nodes, index, text, offsets)!;
  for (const index of pending) if (JOINED.has(nodes[index]!.type)) nodes[index]!.value = derive(nodes, index, text, offsets)!;
  return { ...rest, nodes };
}

/** What unpacking gives a node whose value was left out; undefined for nodes that always keep theirs. */
function derive(nodes: readonly ModelNode[], index: number, text: string, offsets: readonly number[]): string | undefined {
  const node = nodes[index]!;
  if (SLICED.has(node.type)) {
    const start = offsetOf(offsets, node.line, node.column);
    const end = offsetOf(offsets, node.endLine, node.endColumn);
    return start === undefined || end === undefined || end < start ? undefined : text.slice(start, end);
  }
  if (!JOINED.has(node.type)) return undefined;
  let joined = '';
  for (let at = index + 1; at < nodes.length; at++) {
    const inner = nodes[at]!;
    if (!within(inner, node)) break;
    if (INNER.has(inner.type)) joined += inner.value;
  }
  return joined;
}

function within(inner: ModelNode, outer: ModelNode): boolean {
  const startsAfter = inner.line > outer.line || (inner.line === outer.line && inner.column >= outer.column);
  const endsBefore = inner.endLine < outer.endLine || (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn);
  return startsAfter && endsBefore;
}

/** Offset of the start of each line (0-based lines). */
function lineOffsets(text: string): number[] {
  const offsets = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) offsets.push(i + 1);
  return offsets;
}

/** Offset of a 1-based line and column, when the line exists and the column falls inside it (or just past its end). */
function offsetOf(offsets: readonly number[], line: number, column: number): number | undefined {
  const start = offsets[line - 1];
  if (start === undefined) return undefined;
  const next = offsets[line] ?? Number.POSITIVE_INFINITY;
  const offset = start + column - 1;
  return offset <= next ? offset : undefined;
}
