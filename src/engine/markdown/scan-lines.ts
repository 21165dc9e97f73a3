import { parse as parseYaml } from 'yaml';
import type { Checkbox, Section, Table, TableRow } from '../types.js';
import type { ParsedMarkdown } from './parse.js';
import { scanBlocks } from './scan-blocks.js';

/**
 * The document model of a text too large or too costly for the markdown parser, built in
 * linear time so the ordinary rules still run on it: the same lines, prose with fenced
 * code, code spans, HTML comments and front matter blanked, ATX headings as sections,
 * task-list items as checkboxes, and pipe tables. It has no nodes or blocks, so rules that
 * read them report nothing; setext headings, indented code and other HTML stay prose.
 */
export function scanLines(text: string): ParsedMarkdown {
  const scan = scanBlocks(text);
  const lines = text.split('\n');
  const prose = mask(text, scan.ranges).split('\n');
  const frontmatter = scan.frontmatter?.kind === 'yaml' ? readYaml(scan.frontmatter.value) : undefined;
  return {
    blanks: scan.ranges.map(([start, end]): [number, number] => [start, end]),
    nodes: [],
    blocks: [],
    lines,
    prose,
    sections: toSections(lines, prose),
    checkboxes: toCheckboxes(lines, prose),
    tables: toTables(lines, prose),
    ...(frontmatter ? { frontmatter } : {}),
  };
}

function mask(text: string, ranges: ReadonlyArray<[number, number]>): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (end <= cursor) continue;
    const from = Math.max(start, cursor);
    parts.push(text.slice(cursor, from), text.slice(from, end).replace(/[^\n]/g, ' '));
    cursor = end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

// Front matter of a document this large is read only while small: YAML is not ours to bound.
const MAX_FRONTMATTER = 65_536;

function readYaml(value: string): Record<string, unknown> | undefined {
  if (value.length > MAX_FRONTMATTER) return undefined;
  try {
    const data: unknown = parseYaml(value, { logLevel: 'error' });
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const HEADING = /^ {0,3}(#{1,6})(?=[ \t]|$)/;

/** ATX headings; each section runs to the line before the next heading of the same or a higher level. */
// Each finder looks for structure in the prose and takes text from the line, code included, as `mdast-util-to-string` does.
function toSections(lines: readonly string[], prose: readonly string[]): Section[] {
  const sections: Section[] = [];
  const open: Section[] = [];
  prose.forEach((text, index) => {
    const heading = HEADING.exec(text);
    if (!heading) return;
    const depth = heading[1]!.length;
    while (open.length > 0 && open.at(-1)!.depth >= depth) open.pop()!.endLine = index;
    const section = { title: plain(withoutClosingHashes(lines[index]!.slice(heading[0].length))), depth, line: index + 1, endLine: prose.length };
    sections.push(section);
    open.push(section);
  });
  return sections;
}

const TASK = /^[ \t>]*?((?:[-*+]|\d{1,9}[.)])[ \t]+)\[( |x|X|~|-|N\/A|n\/a)\](?=[ \t]|$)/;

function toCheckboxes(lines: readonly string[], prose: readonly string[]): Checkbox[] {
  const boxes: Checkbox[] = [];
  prose.forEach((text, index) => {
    const task = TASK.exec(text);
    if (!task) return;
    const column = task[0].length - task[1]!.length - task[2]!.length - 2;
    const mark = task[2]!;
    boxes.push({ line: index + 1, mark, checked: mark === 'x' || mark === 'X', text: plain(lines[index]!.slice(task[0].length)), depth: Math.floor(column / 2) });
  });
  return boxes;
}


/** A header row, a delimiter row (`|---|:--:|`) with as many cells, and the rows after it that hold a `|`. */
function toTables(lines: readonly string[], prose: readonly string[]): Table[] {
  const tables: Table[] = [];
  for (let i = 1; i < prose.length; i++) {
    const row = prose[i]!;
    if (!/^[ \t|:-]+$/.test(row) || !row.includes('|') || !row.includes('-')) continue;
    const delimiter = cells(prose[i]!);
    const header = cells(lines[i - 1]!);
    if (!delimiter.every((cell) => /^:?-+:?$/.test(cell)) || header.length !== delimiter.length) continue;
    const rows: TableRow[] = [];
    let j = i + 1;
    for (; j < prose.length && prose[j]!.includes('|'); j++) rows.push({ line: j + 1, cells: cells(lines[j]!).map(plain) });
    tables.push({ line: i, header: { line: i, cells: header.map(plain) }, rows });
    i = j;
  }
  return tables;
}

function cells(row: string): string[] {
  const parts = row.trim().split(/(?<!\\)\|/);
  if (parts[0]?.trim() === '') parts.shift();
  if (parts.length > 0 && parts.at(-1)!.trim() === '') parts.pop();
  return parts.map((cell) => cell.trim());
}

// Titles, item texts and cells longer than this are cut: enough for every rule, and bounded.
const MAX_TEXT = 4_096;

/** Inline markup removed the way `mdast-util-to-string` would read it, near enough for rule text. */
function plain(text: string): string {
  return withoutLinkTargets(text.slice(0, MAX_TEXT))
    .replace(/`+/g, '')
    // Emphasis and strikethrough only where they pair up: a lone `*` or `_` is text.
    .replace(/(\*{1,3})(?=[^\s*])([^*]*?[^\s*])\1/g, '$2')
    .replace(/(?<![\p{L}\p{N}_])(_{1,3})(?=[^\s_])([^_]*?[^\s_])\1(?![\p{L}\p{N}_])/gu, '$2')
    .replace(/~~([^~]*)~~/g, '$1')
    .replace(/\\(?=[!-/:-@[-`{-~])/g, '')
    .trim();
}

/** `[text](target)` becomes `text`; one pass, each `)` found once. */
function withoutLinkTargets(text: string): string {
  const opens: number[] = [];
  const cut: Array<[number, number]> = [];
  let close = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91) opens.push(i);
    else if (c === 93 && text.charCodeAt(i + 1) === 40 && opens.length > 0) {
      if (close <= i) close = text.indexOf(')', i);
      if (close < 0) break;
      const open = opens.pop()!;
      // An image's `!` goes with its bracket.
      cut.push([text.charCodeAt(open - 1) === 33 ? open - 1 : open, open + 1], [i, close + 1]);
      i = close;
    }
  }
  if (cut.length === 0) return text;
  cut.sort((a, b) => a[0] - b[0]);
  let out = '';
  let cursor = 0;
  for (const [start, end] of cut) {
    if (start >= cursor) out += text.slice(cursor, start);
    cursor = Math.max(cursor, end);
  }
  return out + text.slice(cursor);
}

/** An ATX heading's text without its optional closing `#` sequence (no regex: titles may be long). */
function withoutClosingHashes(title: string): string {
  let end = title.trimEnd().length;
  let hashes = end;
  while (hashes > 0 && title.charCodeAt(hashes - 1) === 35) hashes--;
  if (hashes < end && (hashes === 0 || title.charCodeAt(hashes - 1) === 32 || title.charCodeAt(hashes - 1) === 9)) end = hashes;
  return title.slice(0, end);
}
