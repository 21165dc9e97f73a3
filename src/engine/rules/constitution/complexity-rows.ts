import type { Document } from '../../types.js';
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

// A row or item that says there is nothing to justify.
const NOTHING = /^\s*(?:none|n\/a|no\b|nothing|not applicable|无|不适用|没有|なし|nenhum|nenhuma|não se aplica|sem\b|нет)/i;
// A cell that is still the template's: `[e.g., 4th project]`, `[例如，第 4 个项目]`, `[current need]`.
const TEMPLATE_CELL = /^\[[^\]]*\]$/;

/** Reads the Complexity Tracking sections: real justification rows versus template residue. */
export function readComplexityRows(document: Document): ComplexityRows {
  const sections = sectionsTitled(document, COMPLEXITY_TRACKING);
  const lines = new Set(bodyLines(document, sections));
  const filled: number[] = [];
  const residue: number[] = [];
  const inTables = new Set<number>();
  for (const table of document.tables) {
    if (!lines.has(table.line) && !isComplexityHeader(table.header.cells)) continue;
    inTables.add(table.header.line);
    for (const row of table.rows) {
      inTables.add(row.line);
      const cells = row.cells.filter((cell) => cell !== '' && !/^[-–—]+$/.test(cell));
      if (cells.length === 0 || NOTHING.test(cells[0]!)) continue;
      if (cells.every((cell) => TEMPLATE_CELL.test(cell))) residue.push(row.line);
      else filled.push(row.line);
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
