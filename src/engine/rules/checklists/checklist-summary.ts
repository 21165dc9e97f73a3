import type { Checkbox, Document } from '../../types.js';
import { quote } from '../quote.js';

/** One row of the checklist table renderers print: counts of one checklist file. */
export interface ChecklistRow {
  path: string;
  total: number;
  checked: number;
  unchecked: number;
}

// A legend explains the marks (`- [ ] Not started`, `- [x] Complete`); it is not an item to review.
const LEGEND = /^(not (yet )?(started|done|checked|complete[d]?|reviewed)|pending|open|to ?do|incomplete|unchecked|in progress|blocked)\.?$/i;

/**
 * Whether a box still waits for a reviewer: `[ ]` and `[~]` (in progress) do;
 * `[x]`/`[X]` are done, `[-]` (dropped) and `[N/A]` are settled.
 */
export function isOpen(box: Checkbox): boolean {
  return (box.mark === ' ' || box.mark === '~') && !LEGEND.test(box.text.trim());
}

/** Whether a box counts at all: legend items and settled marks (`[-]`, `[N/A]`) do not. */
export function counts(box: Checkbox): boolean {
  if (LEGEND.test(box.text.trim())) return false;
  return box.checked || isOpen(box);
}

/** Total, checked and unchecked items of one document, in spec-kit's sense. */
export function summarize(document: Document): ChecklistRow {
  const items = document.checkboxes.filter(counts);
  const checked = items.filter((box) => box.checked).length;
  return { path: document.path, total: items.length, checked, unchecked: items.length - checked };
}

/**
 * The total/checked/unchecked table of every checklist document (kind `checklist`),
 * sorted by path: the table spec-kit prints before `/speckit.implement`.
 */
export function checklistSummary(documents: readonly Document[]): ChecklistRow[] {
  return documents
    .filter((document) => document.kind === 'checklist')
    .map(summarize)
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** The base name of a path, for matching checklist file names. */
export function baseName(path: string): string {
  return path.split('/').at(-1) ?? path;
}

/**
 * One finding per open item of a checklist, each at its own line; `expected` ends the
 * message (`expected it checked before implementation`).
 */
export function openItemFindings(document: Document, expected: string): Array<{ line: number; message: string }> {
  const row = summarize(document);
  if (row.unchecked === 0) return [];
  const open = document.checkboxes.filter(isOpen);
  if (resultsPassEvery(document, open.length)) {
    // One cause, one finding: the review was done and written up, only the boxes were left.
    return [{
      line: open[0]!.line,
      message: `Unexpected ${open.length} unchecked item${open.length === 1 ? '' : 's'} in checklist \`${baseName(document.path)}\` whose own results mark every item passed (✅), expected the boxes checked: spec-kit's \`/speckit.implement\` counts boxes`,
    }];
  }
  return document.checkboxes.filter(isOpen).map((box) => ({
    line: box.line,
    message: `Unexpected unchecked item \`${quote(box.text)}\` in checklist \`${baseName(document.path)}\` (${row.unchecked} of ${row.total} open), ${expected}`,
  }));
}

// A result line of a review written up below the boxes: `✅ **Testable requirements**: …`, `- ✅ No markers`.
const PASSED = /^\s*(?:[-*+]\s+)?✅/u;
const FAILED = /❌|⚠️?|🔴|\bFAIL(?:ED)?\b/u;

/**
 * Whether the checklist records, outside its boxes, a passed result for at least as many
 * items as it has open boxes, and no failed or warned one: a review done in prose whose boxes
 * were never ticked. Prose only, so a code block's example does not count.
 */
function resultsPassEvery(document: Document, open: number): boolean {
  let passed = 0;
  for (const [index, text] of document.prose.entries()) {
    if (!text.trim() || document.checkboxes.some((box) => box.line === index + 1)) continue;
    if (FAILED.test(text)) return false;
    if (PASSED.test(text)) passed++;
  }
  return passed >= open;
}
