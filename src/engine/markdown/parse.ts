import type { Root, Nodes, ListItem, Table as MdTable, Heading } from 'mdast';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import { parse as parseYaml } from 'yaml';
import type { Block, Checkbox, DocumentModel, ModelNode, Section, Table, TableRow } from '../types.js';

/**
 * GitHub-flavoured markdown without its autolink-literal extension: that extension is
 * quadratic on long lines of short words (`a,b ` repeated 8,000 times took about 1 s),
 * and no rule reads links. Tables, task lists, strikethrough and footnotes are kept.
 */
function remarkGfmWithoutAutolinks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push([gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()]);
}

const processor = unified().use(remarkParse).use(remarkGfmWithoutAutolinks).use(remarkFrontmatter, ['yaml', 'toml']);

/** The model with the lines it was read from (tests and the line scanner's parity checks). */
export interface ParsedMarkdown extends DocumentModel {
  lines: string[];
  prose: string[];
}

/** The mdast tree of a text, for readers that need more than the model (slash-command text). */
export function parseTree(text: string): Root {
  return processor.parse(text) as Root;
}

/** Parses markdown text (already decoded, LF line endings) into the document model and its lines. */
export function parseMarkdown(text: string): ParsedMarkdown {
  const model = analyse(text);
  return { ...model, lines: text.split('\n'), prose: proseOf(text, model.blanks) };
}

/**
 * The document model of a text. The mdast tree it is read from is released on return:
 * nothing in the model points into it.
 */
export function analyse(text: string): DocumentModel {
  const tree = processor.parse(text) as Root;
  const blanks: Array<[number, number]> = [];
  const headings: Heading[] = [];
  const items: ListItem[] = [];
  const tables: MdTable[] = [];
  const nodes: ModelNode[] = [];
  let frontmatter: Record<string, unknown> | undefined;

  // Iterative walk: deeply nested input must not overflow the stack.
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'code':
      case 'inlineCode':
      case 'html':
        blank(node, blanks);
        pushNode(nodes, node, node.value);
        continue;
      case 'text':
        pushNode(nodes, node, node.value);
        continue;
      case 'link':
        pushNode(nodes, node, node.url);
        break;
      case 'paragraph':
      case 'tableCell':
        pushNode(nodes, node, toString(node));
        break;
      case 'yaml':
        blank(node, blanks);
        frontmatter = readFrontmatter(node.value);
        continue;
      case 'heading':
        headings.push(node);
        break;
      case 'listItem':
        items.push(node);
        break;
      case 'table':
        tables.push(node);
        break;
      default:
        // TOML front matter has no mdast type of its own.
        if ((node.type as string) === 'toml') {
          blank(node, blanks);
          continue;
        }
        break;
    }
    if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    }
  }

  blanks.sort((a, b) => a[0] - b[0]);
  const lineCount = countLines(text);
  const prose = proseOf(text, blanks);
  const model: DocumentModel = {
    blanks,
    sections: toSections(headings, lineCount),
    checkboxes: items.flatMap((item) => toCheckbox(item, prose)),
    tables: tables.map(toTable),
    ...(frontmatter ? { frontmatter } : {}),
    nodes,
    blocks: tree.children.filter((child) => child.position).map((child): Block => ({ type: child.type, line: child.position!.start.line, endLine: child.position!.end.line })),
  };
  return model;
}

function pushNode(nodes: ModelNode[], node: Nodes, value: string): void {
  const position = node.position;
  if (!position) return;
  const entry: ModelNode = {
    type: node.type as ModelNode['type'],
    value,
    line: position.start.line,
    column: position.start.column,
    endLine: position.end.line,
    endColumn: position.end.column,
  };
  if ((node.type === 'paragraph' || node.type === 'tableCell') && node.children.some((child) => child.type === 'inlineCode')) entry.code = true;
  if (node.type === 'code') {
    if (node.lang) entry.lang = node.lang;
    if (node.meta) entry.meta = node.meta;
  }
  nodes.push(entry);
}

function countLines(text: string): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

function blank(node: Nodes, blanks: Array<[number, number]>): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start !== undefined && end !== undefined) blanks.push([start, end]);
}

function readFrontmatter(value: string): Record<string, unknown> | undefined {
  try {
    const data: unknown = parseYaml(value, { logLevel: 'error' });
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The text's lines with every character in the blanked ranges (sorted by start) replaced
 * by a space, keeping newlines and columns.
 */
export function proseOf(text: string, blanks: ReadonlyArray<readonly [number, number]>): string[] {
  if (blanks.length === 0) return text.split('\n');
  let out = '';
  let cursor = 0;
  for (const [start, end] of blanks) {
    if (end <= cursor) continue;
    const from = Math.max(start, cursor);
    out += text.slice(cursor, from) + text.slice(from, end).replace(/[^\n]/g, ' ');
    cursor = end;
  }
  out += text.slice(cursor);
  return out.split('\n');
}

function toSections(headings: Heading[], lineCount: number): Section[] {
  const sections: Section[] = headings
    .filter((h) => h.position)
    .map((h) => ({ title: toString(h).trim(), depth: h.depth, line: h.position!.start.line, endLine: lineCount }));
  sections.sort((a, b) => a.line - b.line);
  for (let i = 0; i < sections.length; i++) {
    const current = sections[i]!;
    for (let j = i + 1; j < sections.length; j++) {
      const next = sections[j]!;
      if (next.depth <= current.depth) {
        current.endLine = next.line - 1;
        break;
      }
    }
  }
  return sections;
}

// Marks spec-kit users write that GFM does not know: `[~]` in progress, `[-]` dropped, `[N/A]`.
const EXTRA_MARK = /^\s*\[(~|-|N\/A|n\/a)\](?=\s|$)/;

function toCheckbox(item: ListItem, prose: string[]): Checkbox[] {
  const line = item.position?.start.line;
  if (line === undefined) return [];
  const column = item.position!.start.column;
  const depth = Math.floor((column - 1) / 2);
  const raw = prose[line - 1] ?? '';
  if (typeof item.checked === 'boolean') {
    const mark = /\[([ xX])\]/.exec(raw)?.[1] ?? (item.checked ? 'x' : ' ');
    return [{ line, mark, checked: item.checked, text: itemText(item), depth }];
  }
  const first = item.children[0];
  if (first?.type !== 'paragraph') return [];
  const text = toString(first);
  const extra = EXTRA_MARK.exec(text);
  if (!extra) return [];
  return [{ line, mark: extra[1]!, checked: false, text: text.slice(extra[0].length).trim(), depth }];
}

function itemText(item: ListItem): string {
  const first = item.children[0];
  return first && first.type === 'paragraph' ? toString(first).trim() : '';
}

function toTable(table: MdTable): Table {
  const rows: TableRow[] = table.children.map((row) => ({
    line: row.position?.start.line ?? table.position?.start.line ?? 1,
    cells: row.children.map((cell) => toString(cell).trim()),
  }));
  const [header, ...body] = rows;
  return { line: table.position?.start.line ?? 1, header: header ?? { line: 1, cells: [] }, rows: body };
}
