import { blankInline, indexComments } from './scan-inline.js';

/**
 * The line-by-line pass of the fallback scanner: finds front matter, fenced code and HTML
 * comment blocks, and hands every other run of lines to `blankInline` as one inline
 * context. Linear: each line is looked at once, and `-->` is found through one index.
 * Indented code and other HTML blocks stay visible; that only ever reports more.
 */
export interface BlockScan {
  /** Offsets to blank, ascending, not overlapping. */
  ranges: Array<[number, number]>;
  /** The front matter's text without its fences, when the document has one. */
  frontmatter?: { kind: 'yaml' | 'toml'; value: string };
}

interface Prefix {
  /** Offset of the line's content after quote markers and indentation. */
  at: number;
  quotes: number;
  indent: number;
  /** Column where a list item's content starts, when the line opens one. */
  item?: number;
}

/** Scans a text's blocks; see {@link BlockScan}. */
export function scanBlocks(text: string): BlockScan {
  const ranges: Array<[number, number]> = [];
  const comments = indexComments(text);
  const frontmatter = readFrontmatter(text);
  let pos = frontmatter ? frontmatter.end : 0;
  if (frontmatter) ranges.push([0, frontmatter.end]);
  let context: number | undefined;
  let listIndent = -1;
  const flush = (end: number): void => {
    if (context !== undefined) blankInline({ text, start: context, end, comments, ranges });
    context = undefined;
  };
  while (pos < text.length) {
    const eol = lineEnd(text, pos);
    const prefix = readPrefix(text, pos, eol);
    const content = text.slice(prefix.at, eol);
    const blank = content.trim() === '';
    if (prefix.item !== undefined) listIndent = prefix.item;
    else if (!blank && prefix.indent === 0 && prefix.quotes === 0 && context === undefined) listIndent = -1;
    const fence = /^(`{3,}|~{3,})/.exec(content);
    if (blank || fence || content.startsWith('<!--') || /^#{1,6}(?:[ \t]|$)/.test(content) || prefix.item !== undefined || content.startsWith('|')) flush(pos);
    if (fence && !(fence[1]![0] === '`' && content.slice(fence[1]!.length).includes('`'))) {
      const inList = listIndent >= 0 && prefix.indent >= 2;
      pos = skipBlock({ text, from: eol, prefix, inList, closes: closingFence(fence[1]!) });
      ranges.push([prefix.at, pos]);
    } else if (content.startsWith('<!--')) {
      const inList = listIndent >= 0 && prefix.indent >= 2;
      pos = skipComment({ text, prefix, inList, comments });
      ranges.push([prefix.at, pos]);
    } else {
      if (!blank && context === undefined) context = prefix.at;
      if (/^#{1,6}(?:[ \t]|$)/.test(content)) flush(eol);
      pos = eol;
    }
    pos++;
  }
  flush(text.length);
  return { ranges, ...(frontmatter ? { frontmatter: { kind: frontmatter.kind, value: frontmatter.value } } : {}) };
}

function lineEnd(text: string, pos: number): number {
  const eol = text.indexOf('\n', pos);
  return eol < 0 ? text.length : eol;
}

/** Quote markers, indentation (tabs to the next multiple of four) and one list marker. */
function readPrefix(text: string, pos: number, eol: number): Prefix {
  let at = pos;
  let quotes = 0;
  let column = 0;
  for (;;) {
    const c = text.charCodeAt(at);
    if (at < eol && (c === 32 || c === 9)) column += c === 9 ? 4 - (column % 4) : 1;
    else if (at < eol && c === 62) {
      quotes++;
      column = 0;
    } else break;
    at++;
  }
  const indent = column;
  const marker = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/.exec(text.slice(at, Math.min(eol, at + 12)));
  if (!marker || /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(text.slice(at, eol))) return { at, quotes, indent };
  let content = at + marker[0].length;
  while (content < eol && content - at - marker[0].length < 4 && (text.charCodeAt(content) === 32 || text.charCodeAt(content) === 9)) content++;
  return { at: content, quotes, indent, item: indent + (content - at) };
}

interface SkipInput {
  text: string;
  prefix: Prefix;
  /** Whether the block sits in a list item (it ends with the item, at a line indented less than it). */
  inList: boolean;
}

/** Whether a line still belongs to the container the block opened in. */
function continues(text: string, pos: number, { prefix, inList }: SkipInput): boolean {
  const eol = lineEnd(text, pos);
  const line = readPrefix(text, pos, eol);
  if (text.slice(line.at, eol).trim() === '' && line.item === undefined) return true;
  if (line.quotes < prefix.quotes) return false;
  // Inside the block a list marker is text: only the indentation decides.
  return !inList || line.indent >= prefix.indent;
}

/** Skips a fenced code block; returns the offset where it ends (the end of its closing line). */
function skipBlock(input: SkipInput & { from: number; closes: RegExp }): number {
  const { text } = input;
  let end = input.from;
  while (end < text.length) {
    const start = end + 1;
    if (!continues(text, start, input)) return end;
    end = lineEnd(text, start);
    if (input.closes.test(text.slice(start, end))) return end;
  }
  return text.length;
}

/** Skips an HTML comment block: to the end of the line holding its `-->`, or of its container. */
function skipComment(input: SkipInput & { comments: ReturnType<typeof indexComments> }): number {
  const { text, prefix, comments } = input;
  while (comments.close < comments.closes.length && comments.closes[comments.close]! < prefix.at + 2) comments.close++;
  const close = comments.closes[comments.close];
  let end = lineEnd(text, prefix.at);
  while (close === undefined || end < close) {
    if (end >= text.length || !continues(text, end + 1, input)) return end;
    end = lineEnd(text, end + 1);
  }
  return end;
}

function closingFence(marker: string): RegExp {
  return new RegExp(`^[ \\t>]*\\${marker[0]}{${marker.length},}[ \\t]*$`);
}

function readFrontmatter(text: string): { kind: 'yaml' | 'toml'; value: string; end: number } | undefined {
  const fence = text.startsWith('---\n') ? '---' : text.startsWith('+++\n') ? '+++' : undefined;
  if (!fence) return undefined;
  const close = new RegExp(`^${fence === '---' ? '(?:---|\\.\\.\\.)' : '\\+\\+\\+'}[ \\t]*$`, 'm');
  const rest = text.slice(4);
  const match = close.exec(rest);
  if (!match) return undefined;
  return { kind: fence === '---' ? 'yaml' : 'toml', value: rest.slice(0, Math.max(0, match.index - 1)), end: 4 + match.index + match[0].length };
}
