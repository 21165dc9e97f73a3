import type { Root } from 'mdast';
import type { Checkbox, Section } from '../types.js';
import type { ParsedMarkdown } from './parse.js';

/**
 * The document model of a file the markdown parser must not be given (over
 * `max-file-size`, too costly to parse, nested past the parser's stack), built line by
 * line in linear time. It is coarser than the parser's: fenced code, inline code and HTML
 * comments are blanked as the parser would, but indented code, tables and front matter
 * are not recognised and `tree` is empty. That is enough for the rules that matter most
 * when a file is suspicious: clarification markers, checkboxes, ids and headings are
 * still found and reported at their lines, so padding a file cannot hide them.
 */
export function scanLines(text: string): ParsedMarkdown {
  const lines = text.split('\n');
  const prose = blankCode(lines);
  const tree: Root = { type: 'root', children: [] };
  return { tree, lines, prose, sections: sectionsOf(prose), checkboxes: checkboxesOf(prose), tables: [] };
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Fenced code (open to its closing fence, or to the end), HTML comments and code spans become spaces. */
function blankCode(lines: readonly string[]): string[] {
  const prose: string[] = [];
  let fence: string | undefined;
  let inComment = false;
  for (const line of lines) {
    if (fence !== undefined) {
      const close = FENCE.exec(line);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length && line.slice(close[0].length).trim() === '') fence = undefined;
      prose.push(spaces(line));
      continue;
    }
    const open = inComment ? null : FENCE.exec(line);
    if (open && !(open[1]![0] === '`' && line.slice(open[0].length).includes('`'))) {
      fence = open[1]!;
      prose.push(spaces(line));
      continue;
    }
    const masked = maskComments(line, inComment);
    inComment = masked.inComment;
    prose.push(maskCodeSpans(masked.text));
  }
  return prose;
}

function maskComments(line: string, open: boolean): { text: string; inComment: boolean } {
  let out = '';
  let cursor = 0;
  let inComment = open;
  while (cursor < line.length) {
    if (inComment) {
      const end = line.indexOf('-->', cursor);
      if (end < 0) return { text: out + spaces(line.slice(cursor)), inComment: true };
      out += spaces(line.slice(cursor, end + 3));
      cursor = end + 3;
      inComment = false;
    } else {
      const start = line.indexOf('<!--', cursor);
      if (start < 0) break;
      out += line.slice(cursor, start);
      cursor = start;
      inComment = true;
    }
  }
  return { text: out + line.slice(cursor), inComment };
}

/** Pairs backtick runs of equal length left to right; every character is looked at a bounded number of times. */
function maskCodeSpans(line: string): string {
  if (!line.includes('`')) return line;
  const runs = [...line.matchAll(/`+/g)].map((run) => ({ start: run.index, length: run[0].length }));
  // Per run length, the indexes of the runs of that length and how far they are used.
  const byLength = new Map<number, { runs: number[]; next: number }>();
  runs.forEach((run, i) => {
    const entry = byLength.get(run.length) ?? { runs: [], next: 0 };
    entry.runs.push(i);
    byLength.set(run.length, entry);
  });
  let out = '';
  let cursor = 0;
  let i = 0;
  while (i < runs.length) {
    const run = runs[i]!;
    const entry = byLength.get(run.length)!;
    while (entry.next < entry.runs.length && entry.runs[entry.next]! <= i) entry.next += 1;
    const closer = entry.runs[entry.next];
    if (closer === undefined) {
      i += 1;
      continue;
    }
    entry.next += 1;
    const end = runs[closer]!.start + run.length;
    out += line.slice(cursor, run.start) + spaces(line.slice(run.start, end));
    cursor = end;
    i = closer + 1;
  }
  return out + line.slice(cursor);
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/** ATX headings, each governing the lines up to the next heading of the same or a higher level. */
function sectionsOf(prose: readonly string[]): Section[] {
  const sections: Section[] = [];
  const open: Section[] = [];
  prose.forEach((line, index) => {
    const match = HEADING.exec(line);
    if (!match) return;
    const section: Section = { title: match[2]!.replace(/[*_`]/g, '').trim(), depth: match[1]!.length, line: index + 1, endLine: prose.length };
    while (open.length > 0 && open.at(-1)!.depth >= section.depth) open.pop()!.endLine = index;
    open.push(section);
    sections.push(section);
  });
  return sections;
}

const CHECKBOX = /^(\s*)(?:[-*+]|\d{1,9}[.)])[ \t]+\[( |x|X|~|-|N\/A|n\/a)\](?=\s|$)(.*)$/;

function checkboxesOf(prose: readonly string[]): Checkbox[] {
  const boxes: Checkbox[] = [];
  prose.forEach((line, index) => {
    const match = CHECKBOX.exec(line);
    if (!match) return;
    const mark = match[2]!;
    boxes.push({ line: index + 1, mark, checked: mark === 'x' || mark === 'X', text: match[3]!.trim(), depth: Math.floor(match[1]!.length / 2) });
  });
  return boxes;
}

function spaces(text: string): string {
  return ' '.repeat(text.length);
}
