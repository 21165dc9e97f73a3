import type { Checkbox, Document } from '../../types.js';
import { matchList } from '../../markdown/matches.js';

/** A stretch of a tasks document between two headings that holds task lines. */
export interface TaskBlock {
  /** The heading's title, or '' before the first heading. */
  title: string;
  /** 1-based first and last line of the stretch (heading excluded). */
  start: number;
  end: number;
}

/** A line of a task block that starts with a task id: `- [ ] T001 ...` or `- T001 ...`. */
export interface TaskLine {
  line: number;
  /** The id as written: `T001`, `T012a`, `T012.1`. */
  id: string;
  /** The id's number: 12 for `T012`, `T012a` and `T012.1`. */
  number: number;
  /** A sub-task id (`T012a`, `T012.1`), which never opens or closes a gap. */
  sub: boolean;
  checkbox: boolean;
}

// Ranges of ids wider than this are not read as ranges.
const MAX_RANGE = 500;

// A heading over lists that are about tasks but are not the task list: notes, checkpoints,
// dependency and parallel sections, strategies, examples, summaries, validation checklists.
const NOT_TASKS =
  /\b(?:notes?|notas?|dependenc(?:y|ies)|dependências|depend[eê]ncias|parallel|paralel\w*|strateg(?:y|ies)|estratégia|examples?|exemplo|summary|resumo|overview|checklists?|validation|verification|checkpoints?|independent test|acceptance|criteria|format|formato|path conventions?|conventions|execution order|timeline|risks?|mitigations?|legend|progress|status|metrics|totals?|statistics|critical path|troubleshooting|guidelines|requirements coverage|coverage|traceability|definition of done|done criteria|commands?|within|incremental|mvp|entrega|parallelism|并行|风险|依赖|rules)\b/i;
// `T001`, `T012a`, `T012.1`, `T020-1` at the start of a checkbox's text (the parser removed box and bold).
// A range (`T040-T056 Covered by ...`) opens an item that stands for all its ids.
const BOX_ID = /^~{0,2}(T(\d+)((?:[.-]\d+)*[a-z]?))(?:\s{0,3}[-–—]\s{0,3}T(\d+))?(?![\w.-])/;
// `- T001 ...`, `* **T001** ...`, `1. T001: ...`: a list item opened by a task id, no box.
const BARE_ID = /^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+(?:\*\*|__)?(T(\d+)((?:[.-]\d+)*[a-z]?))(?:\*\*|__)?(?![\w.-])/;
// Any list item with a box, as written: what the parser's checkboxes are, found again in raw prose.
const RAW_BOX = /^\s*(?:[-*+]|\d{1,9}[.)])\s+\[[^\]]{0,3}\]/;

const BY_LINE = new WeakMap<Document, Map<number, Checkbox>>();

/** A document's checkboxes by line, built once per document. */
export function checkboxesByLine(document: Document): Map<number, Checkbox> {
  let map = BY_LINE.get(document);
  if (!map) {
    map = new Map(document.checkboxes.map((box) => [box.line, box]));
    BY_LINE.set(document, map);
  }
  return map;
}

/** The heading-delimited stretches of a tasks document whose titles do not name a non-task list. */
export function taskBlocks(document: Document): TaskBlock[] {
  const headings = document.sections.map((section) => ({ line: section.line, title: section.title })).sort((a, b) => a.line - b.line);
  const blocks: TaskBlock[] = [];
  let previous = { line: 0, title: '' };
  for (const heading of [...headings, { line: document.lines.length + 1, title: '' }]) {
    if (heading.line - 1 >= previous.line + 1 && !NOT_TASKS.test(previous.title)) {
      blocks.push({ title: previous.title, start: previous.line + 1, end: heading.line - 1 });
    }
    previous = heading;
  }
  return blocks;
}

/** The task lines of one block: top-level checkboxes opened by an id, and top-level list items opened by an id without a box. */
export function taskLines(document: Document, block: TaskBlock): TaskLine[] {
  const found: TaskLine[] = [];
  const boxes = checkboxesByLine(document);
  for (let line = block.start; line <= block.end; line += 1) {
    const box = boxes.get(line);
    if (box) {
      if (box.depth !== 0) continue;
      const match = BOX_ID.exec(box.text.trimStart());
      if (match) found.push({ line, id: match[1]!, number: Number(match[2]), sub: match[3] !== '', checkbox: true });
      continue;
    }
    const prose = document.prose[line - 1] ?? '';
    if (RAW_BOX.test(prose)) continue;
    const match = BARE_ID.exec(prose);
    if (match) found.push({ line, id: match[1]!, number: Number(match[2]), sub: match[3] !== '', checkbox: false });
  }
  return found;
}

/**
 * The lists of a block: for each line, the number of the list it belongs to, or -1. A list is a
 * run of list items and their indented continuations, up to a paragraph (`**Checkpoint**: ...`)
 * or the block's edge; blank lines do not end a list. Index 0 is the block's first line.
 */
export function listRuns(document: Document, block: TaskBlock): number[] {
  const runs: number[] = [];
  let run = 0;
  for (let line = block.start; line <= block.end; line += 1) {
    const text = document.prose[line - 1] ?? '';
    const inList = text.trim() === '' || /^\s/.test(text) || /^(?:[-*+]|\d{1,9}[.)])\s/.test(text);
    if (inList) runs.push(run);
    else {
      runs.push(-1);
      run += 1;
    }
  }
  return runs;
}

// A task id as a tasks document mentions it anywhere: `T013`, `~~T013~~`, `T013 (removed)`, and
// ranges (`T041–T066`, `T041-066`, `T041 to T066`). Ranges widen to at most MAX_RANGE ids.
const MENTION = /\bT(\d+)(?!\d)(?:\s{0,3}(?:[-–—]|\.\.|to|through)\s{0,3}T?(\d+)(?!\d))?/g;

/** What a document's text (code and prose alike) names: single task numbers, and ranges as `[from, to]`. */
export interface Mentions {
  single: Set<number>;
  ranges: Array<[number, number]>;
}

/** Every task number and range of numbers a document's text names anywhere. */
export function mentionedNumbers(document: Document): Mentions {
  const mentions: Mentions = { single: new Set(), ranges: [] };
  for (const text of document.lines) {
    if (!text.includes('T')) continue;
    for (const match of matchList(text, MENTION)) {
      const from = Number(match[1]);
      const to = match[2] === undefined ? from : Number(match[2]);
      if (to > from && to - from <= MAX_RANGE) mentions.ranges.push([from, to]);
      else mentions.single.add(from);
    }
  }
  return mentions;
}

/** A task a document defines: its number (and a range item's last number), line and digit count. */
export interface DefinedTask {
  number: number;
  /** The last number a range item (`T040-T056 Covered by ...`) stands for; `number` otherwise. */
  last: number;
  line: number;
  digits: number;
  sub: boolean;
}

const ANY_BOX_ID = /^~{0,2}T(\d+)((?:[.-]\d+)*[a-z]?)(?:\s{0,3}[-–—]\s{0,3}T(\d+))?(?![\w.-])/;
const HEADING_ID = /^#{2,6}\s+(?:\*\*)?T(\d+)((?:[.-]\d+)*[a-z]?)(?![\w.-])/;

/**
 * Every task a tasks document defines: checkbox items opened by an id (at any depth), list items
 * opened by an id in task blocks, and `### T001: Title` headings. In line order.
 */
export function definedTasks(document: Document): DefinedTask[] {
  const found: DefinedTask[] = [];
  for (const box of document.checkboxes) {
    const match = ANY_BOX_ID.exec(box.text.trimStart());
    if (!match) continue;
    const [from, to] = [Number(match[1]), match[3] === undefined ? Number(match[1]) : Number(match[3])];
    const last = to > from && to - from <= MAX_RANGE ? to : from;
    found.push({ number: from, last, line: box.line, digits: match[1]!.length, sub: match[2] !== '' });
  }
  for (const block of taskBlocks(document)) {
    for (const task of taskLines(document, block)) {
      if (task.checkbox) continue;
      found.push({ number: task.number, last: task.number, line: task.line, digits: /^T(\d+)/.exec(task.id)![1]!.length, sub: task.sub });
    }
  }
  document.prose.forEach((text, index) => {
    const match = HEADING_ID.exec(text);
    if (match) found.push({ number: Number(match[1]), last: Number(match[1]), line: index + 1, digits: match[1]!.length, sub: match[2] !== '' });
  });
  return found.sort((a, b) => a.line - b.line);
}

/** The numbers a set of tasks stands for, as sorted, merged `[from, to]` intervals. */
export function numberIntervals(tasks: readonly DefinedTask[]): Array<[number, number]> {
  const sorted = tasks.map((task): [number, number] => [task.number, task.last]).sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [from, to] of sorted) {
    const top = merged[merged.length - 1];
    if (top && from <= top[1] + 1) top[1] = Math.max(top[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** Whether sorted, merged intervals hold a number (binary search). */
export function intervalsHold(intervals: ReadonlyArray<readonly [number, number]>, n: number): boolean {
  let [low, high] = [0, intervals.length - 1];
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [from, to] = intervals[middle]!;
    if (n < from) high = middle - 1;
    else if (n > to) low = middle + 1;
    else return true;
  }
  return false;
}

/** Whether sorted, merged intervals hold any number from `from` to `to` (binary search). */
export function intervalsMeet(intervals: ReadonlyArray<readonly [number, number]>, from: number, to: number): boolean {
  let [low, high] = [0, intervals.length - 1];
  // The first interval that ends at or after `from`.
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (intervals[middle]![1] < from) low = middle + 1;
    else high = middle - 1;
  }
  const candidate = intervals[low];
  return candidate !== undefined && candidate[0] <= to;
}
