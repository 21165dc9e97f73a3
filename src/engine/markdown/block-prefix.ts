/**
 * Reading the container markers at the start of a line (`>`, `-`, `*`, `+`, `1.`, `1)`,
 * `[^label]:`) with columns counted as CommonMark does (a tab to the next multiple of
 * four), for the block cost model in `cost-blocks.ts`.
 */
export interface Container {
  quote: boolean;
  footnote?: boolean;
  /** Whether the opener may interrupt a paragraph (a quote, a bullet or `1.` item with content). */
  interrupts: boolean;
  /** Column where an item's content starts (its continuation lines must reach it). */
  column: number;
}

/** A position in a line, in characters and in columns. */
export interface Cursor {
  line: string;
  at: number;
  column: number;
}

export const THEMATIC = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FOOTNOTE_LABEL = /^\[\^[^\]\s]{1,999}\]:/;
const MAX_OPENERS = 128;

/** Container openers at the cursor (`>`, `-`, `*`, `+`, `1.`, `1)`), advancing past them. */
export function opened(cursor: Cursor): Container[] {
  const found: Container[] = [];
  if (THEMATIC.test(cursor.line.slice(cursor.at))) return found;
  // Past this many the guard has its answer; a line of a million `- ` must not cost more.
  while (found.length <= MAX_OPENERS) {
    const start = { ...cursor };
    if (!skipAtMost(cursor, 3)) {
      Object.assign(cursor, start);
      break;
    }
    if (cursor.line.charCodeAt(cursor.at) === 62) {
      step(cursor, 1);
      if (cursor.line.charCodeAt(cursor.at) === 32) step(cursor, 1);
      found.push({ quote: true, column: 0, interrupts: true });
      continue;
    }
    const footnote = FOOTNOTE_LABEL.exec(cursor.line.slice(cursor.at, cursor.at + 1002));
    if (footnote) {
      found.push({ quote: false, footnote: true, column: cursor.column + 4, interrupts: false });
      step(cursor, footnote[0].length);
      continue;
    }
    const marker = markerLength(cursor.line, cursor.at);
    if (marker === 0) {
      Object.assign(cursor, start);
      break;
    }
    const first = cursor.line.charCodeAt(cursor.at);
    const ordinal = marker > 1 && !(marker === 2 && first === 49);
    step(cursor, marker);
    const content = { ...cursor };
    const indented = !skipAtMost(content, 4);
    const empty = content.at >= cursor.line.length;
    const interrupts = !empty && !ordinal;
    // An empty item, or indented code after the marker: the content starts one column on.
    if (indented || empty || content.column === cursor.column) found.push({ quote: false, column: cursor.column + 1, interrupts });
    else {
      found.push({ quote: false, column: content.column, interrupts });
      Object.assign(cursor, content);
    }
  }
  return found;
}

function markerLength(line: string, at: number): number {
  const c = line.charCodeAt(at);
  let end = at;
  if (c === 45 || c === 42 || c === 43) end = at + 1;
  else {
    while (end - at < 9 && line.charCodeAt(end) >= 48 && line.charCodeAt(end) <= 57) end++;
    const delimiter = line.charCodeAt(end);
    if (end === at || (delimiter !== 46 && delimiter !== 41)) return 0;
    end++;
  }
  const next = line.charCodeAt(end);
  return Number.isNaN(next) || next === 32 || next === 9 ? end - at : 0;
}

function width(cursor: Cursor): number {
  const c = cursor.line.charCodeAt(cursor.at);
  if (c === 32) return 1;
  return c === 9 ? 4 - (cursor.column % 4) : 0;
}

/** Skips blanks (a tab to the next multiple of four columns); false when more than `max` columns of them. */
export function skipAtMost(cursor: Cursor, max: number): boolean {
  const from = cursor.column;
  for (let w = width(cursor); w > 0; w = width(cursor)) {
    if (cursor.column - from + w > max) return false;
    cursor.at++;
    cursor.column += w;
  }
  return true;
}

/** Skips blanks up to `column`; false when the text starts before it. */
export function reach(cursor: Cursor, column: number): boolean {
  while (cursor.column < column) {
    const w = width(cursor);
    if (w === 0) return false;
    cursor.at++;
    cursor.column += w;
  }
  return true;
}

export function step(cursor: Cursor, by: number): void {
  cursor.at += by;
  cursor.column += by;
}
