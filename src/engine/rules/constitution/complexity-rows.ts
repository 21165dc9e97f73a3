import type { Document, Table } from '../../types.js';
import { COMPLEXITY_TRACKING, bodyLines, isComplexityHeader, sectionsTitled } from './plan-sections.js';

/** What a plan's Complexity Tracking holds. */
export interface ComplexityRows {
  /** Lines of rows (or list items) that really justify a deviation. */
  filled: number[];
  /** Lines of rows still holding the template's examples (`[e.g., 4th project]`). */
  residue: number[];
  /** Whether the plan has the section at all. */
  present: boolean;
}

// A violation cell or item that says there is nothing to justify ("None", "No violations", "N/A"). A
// violation that merely starts with "No" ("No testing framework", "无测试框架") names one.
const NOTHING = /^\s*(?:none\b|n\/a\b|nothing\b|not applicable\b|no\s+(?:constitutional\s+|complexity\s+)?(?:violations?|deviations?|complexity|justifications?|exceptions?)\b|no\s*$|(?:无|没有)(?:违规|违反|偏差|复杂度)?项?\s*$|不适用|なし|nenhuma?\s*(?:viola\S*)?\s*$|não se aplica|sem\s+viola|нет\b)/i;
// A (trimmed) cell that gives no reason: empty, a dash, `N/A`, `None`, `TBD`.
const NO_REASON = /^(?:n\/?a|none|tbd|[-–—?]+)?\.?$/i;
// A cell that is still the template's: `[e.g., 4th project]`, `[例如，第 4 个项目]`, `[current need]`.
const TEMPLATE_CELL = /^\[[^\]]*\]$/;

/** Reads the Complexity Tracking sections: real justification rows versus template residue. */
export function readComplexityRows(document: Document): ComplexityRows {
  const sections = sectionsTitled(document, COMPLEXITY_TRACKING);
  const lines = new Set(bodyLines(document, sections));
  const filled: number[] = [];
  const residue: number[] = [];
  const inTables = new Set<number>();
  for (const table of complexityTables(document, lines)) {
    inTables.add(table.header.line);
    for (const row of table.rows) {
      inTables.add(row.line);
      const cells = row.cells.map((cell) => cell.replace(/\*\*|__|\*/g, '').trim());
      const named = cells.filter((cell) => !NO_REASON.test(cell));
      if (named.length === 0 || NOTHING.test(cells[0]!)) continue;
      if (named.every((cell) => TEMPLATE_CELL.test(cell))) residue.push(row.line);
      else if (justifies(cells)) filled.push(row.line);
    }
  }
  const boxes = new Set(document.checkboxes.map((box) => box.line));
  for (const line of lines) {
    if (inTables.has(line) || boxes.has(line)) continue;
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*\S)/.exec(document.prose[line - 1] ?? '');
    if (item && !NOTHING.test(item[1]!.replace(/\*\*|__/g, '')) && !/^\[[^\]]*\]$/.test(item[1]!.trim())) filled.push(line);
  }
  return { filled: filled.sort((a, b) => a - b), residue, present: sections.length > 0 };
}

/** The tables of a plan's Complexity Tracking: those in its sections and those with the template's header. */
export function complexityTables(document: Document, lines: ReadonlySet<number> = new Set(bodyLines(document, sectionsTitled(document, COMPLEXITY_TRACKING)))): Table[] {
  return document.tables.filter((table) => lines.has(table.line) || isComplexityHeader(table.header.cells));
}

/**
 * Whether a row names the violation and gives any reason for it, whatever the wording: a one-cell
 * row names it, a wider row needs a reason in some other cell that is no template example.
 */
function justifies(cells: readonly string[]): boolean {
  if (NO_REASON.test(cells[0]!) || TEMPLATE_CELL.test(cells[0]!)) return false;
  return cells.length === 1 || cells.slice(1).some((cell) => !NO_REASON.test(cell) && !TEMPLATE_CELL.test(cell));
}
