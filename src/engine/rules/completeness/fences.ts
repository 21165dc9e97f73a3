import type { Document, ModelNode } from '../../types.js';

/** A code fence that does not end where its author meant it to. */
export interface BrokenFence {
  /** 1-based line of the fence's opening line. */
  line: number;
  /** The opening fence as written (```` ``` ````, `~~~`, with its info string). */
  opener: string;
  /** `unclosed`: it runs to the end of its container; `nested`: an inner fence closes it early. */
  kind: 'unclosed' | 'nested';
  /** Last line the fence covers (inclusive). */
  endLine: number;
  /** For `nested`: the line of the inner opening fence; for `unclosed`, the next block's opening fence it swallows, if any. */
  innerLine?: number;
  /** Set when this fence is opened by the closing fence of a `nested` one: the line of that one. */
  follows?: number;
  /** Lines in the fence's body that read as headings, checkboxes or clarification markers. */
  swallowed: number[];
}

// An opening fence: up to three spaces of indentation (more inside list items), three or more
// backticks or tildes, then an info string.
const OPENER = /^\s*(`{3,}|~{3,})(.*)$/;
// An inner fence meant to open a nested block names a language: ```` ```text ````, `~~~json`.
const LANGUAGE = /^[A-Za-z][\w+#.-]*$/;
const STRUCTURE = /^\s{0,3}#{1,6}\s|^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]|needs[ \t_-]*clarification/i;

/**
 * The fenced code blocks of a document that never close, or that a nested fence of the same
 * length closes early (```` ```markdown ```` holding ```` ```text ```` … ```` ``` ````). Pure;
 * reads the code nodes, so a scanned document has none. Linear in the document's size.
 */
export function brokenFences(document: Document): BrokenFence[] {
  if (document.scanned) return [];
  const found: BrokenFence[] = [];
  let nestedAt: number | undefined;
  const nodes = codeNodes(document);
  for (const [index, node] of nodes.entries()) {
    const start = node.line;
    const end = node.endLine;
    const opener = OPENER.exec(document.lines[start - 1] ?? '');
    if (!opener) continue;
    const fence = opener[1]!;
    const info = opener[2]!.trim();
    if (fence[0] === '`' && info.includes('`')) continue;
    const closed = end > start && isCloser(document.lines[end - 1] ?? '', fence);
    const bodyEnd = closed ? end - 1 : end;
    // The closing fence of a nested block opens a bare fence: that one follows from it.
    const follows = info === '' ? nestedAt : undefined;
    if (info === '') nestedAt = undefined;
    if (!closed) {
      if (bodyEnd <= start) continue;
      found.push({ line: start, opener: opener[0].trim(), kind: 'unclosed', endLine: end, swallowed: swallowedLines(document.lines, start, bodyEnd), ...(follows ? { follows } : {}) });
      continue;
    }
    if (info === '') continue;
    for (let line = start + 1; line <= bodyEnd; line++) {
      const inner = OPENER.exec(document.lines[line - 1]!);
      if (!inner || inner[1]![0] !== fence[0] || inner[1]!.length < fence.length || !LANGUAGE.test(inner[2]!.trim())) continue;
      if (opensBare(document, nodes.slice(index + 1).find((next) => OPENER.test(document.lines[next.line - 1] ?? '')))) {
        found.push({ line: start, opener: opener[0].trim(), kind: 'nested', endLine: end, innerLine: line, swallowed: [] });
        nestedAt = start;
      } else {
        // No stray closer follows: the author forgot this fence's closer before opening the next block.
        found.push({ line: start, opener: opener[0].trim(), kind: 'unclosed', endLine: end, innerLine: line, swallowed: swallowedLines(document.lines, start, line - 1) });
      }
      break;
    }
  }
  return found;
}

/**
 * Lines inside fences that never close: what the author meant as prose after a forgotten
 * closing fence. Pure.
 */
export function unclosedFenceLines(document: Document): Set<number> {
  const lines = new Set<number>();
  for (const fence of brokenFences(document)) {
    if (fence.kind !== 'unclosed') continue;
    const last = fence.innerLine !== undefined ? fence.innerLine - 1 : fence.endLine;
    for (let line = fence.line + 1; line <= last; line++) lines.add(line);
  }
  return lines;
}

function codeNodes(document: Document): ModelNode[] {
  return document.nodes.filter((node) => node.type === 'code');
}

/** Whether a code block opens with a bare fence: the stray closer a nested block leaves behind. */
function opensBare(document: Document, node: ModelNode | undefined): boolean {
  if (!node) return false;
  const opener = OPENER.exec(document.lines[node.line - 1] ?? '');
  return opener !== null && opener[2]!.trim() === '';
}

function isCloser(text: string, fence: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length < fence.length) return false;
  for (const char of trimmed) if (char !== fence[0]) return false;
  return true;
}

function swallowedLines(lines: readonly string[], start: number, end: number): number[] {
  const found: number[] = [];
  for (let line = start + 1; line <= end; line++) {
    if (STRUCTURE.test(lines[line - 1]!)) found.push(line);
  }
  return found;
}
