import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { quote } from '../quote.js';
import type { Document } from '../../types.js';
import { TOKENS } from './no-template-residue.js';
import { optionalLines } from './residue-scope.js';

// A whole value that is one bracketed phrase: `[Name]`, `[Deliverable 1]`, `[YYYY-MM-DD]`.
const WHOLE = /^\[([^\]]{3,})\]$/;
// Brackets that are real content: task and checklist marks, story labels, priorities.
const CONTENT = /^(x|X|\s|~|-|N\/A|P\d?|US\d+|Story\s*\d+|\d+(\.\d+)*|[A-Z]{1,3}-?\d+|!)$/i;
// A literal list is a value (`["main", "develop"]`, `[1, 2, 3]`); a clarification marker is the clarifications gate's.
const LITERAL = /^\s*(?:(?:"[^"]*"|'[^']*'|-?\d+(?:\.\d+)?|true|false|null)\s*(?:,\s*|$))+$/;
const CLARIFICATION = /^\s*(?:\*\*)?needs[ \t_-]*clarification/i;
// A lead-in that announces a format rather than values: "Results ... with format:", "Use this template:".
const FORMAT_LEAD = /\b(?:format|template|structure|formato|格式|模板)\b[^.\n]*[:：]\s*$/i;
const ENDS_WITH_COLON = /[:：]\s*$/;

/**
 * Whether a line announces a format. Only a line ending in a colon can, and only its text
 * after the last `.` can hold the match: tried on the whole line, the lead cost the square of
 * its length (a 1 MB line of `format` words took about 50 s).
 */
function announcesFormat(text: string): boolean {
  return ENDS_WITH_COLON.test(text) && FORMAT_LEAD.test(text.slice(text.lastIndexOf('.') + 1));
}

/** Whether a rendered value is nothing but a template placeholder. */
export function isPlaceholder(value: string): boolean {
  const match = WHOLE.exec(value.trim());
  // Known template tokens (`[e.g., ...]`) are `no-template-residue`'s; one finding per defect.
  if (match === null) return false;
  const body = match[1]!.trim();
  return !CONTENT.test(body) && !LITERAL.test(body) && !CLARIFICATION.test(body) && !new RegExp(TOKENS.source).test(value);
}

/**
 * Template fields left unfilled: a table cell, a list item, a paragraph or a
 * `**Label**: value` whose whole value is one `[bracketed phrase]`. A link renders
 * without its brackets, so it never matches. Real documents keep deliberate
 * fill-in-later fields (`[TBD]`, `[Fill in after testing]`), so this warns by default;
 * the milestone and phased plan presets, whose templates have no other markers, make it an error.
 */
export default defineRule({
  meta: {
    id: 'no-placeholder-values',
    gate: 'completeness',
    description: 'No table cell, list item, paragraph or labelled field is left as a bracketed template placeholder.',
    kinds: ['spec', 'plan', 'tasks', 'research', 'data-model'],
    severity: 'warning',
    options: z.strictObject({}),
    residue: true,
  },
  check({ document, report }) {
    const skip = optionalLines(document);
    for (const line of formatExampleLines(document)) skip.add(line);
    const seen = new Set<number>();
    const flag = (line: number | undefined, value: string): void => {
      if (line === undefined || skip.has(line) || seen.has(line)) return;
      seen.add(line);
      report({ line, message: `Unexpected template placeholder \`${quote(value)}\`, expected the real value` });
    };
    for (const node of document.nodes) {
      if (node.type !== 'tableCell' && node.type !== 'paragraph') continue;
      // A value in inline code is an example, like everything in code.
      if (node.code) continue;
      if (isPlaceholder(node.value)) flag(node.line, node.value);
      else if (node.type === 'paragraph') {
        const labelled = labelledAcrossLines(document, node.line, node.endLine);
        if (labelled !== undefined && isPlaceholder(labelled)) flag(node.line, labelled.replace(/\s*\n\s*/g, ' '));
      }
    }
    document.prose.forEach((text, index) => {
      const match = LABELLED.exec(text);
      if (match && isPlaceholder(match[1]!)) flag(index + 1, match[1]!);
    });
  },
});

// `**Language**: [e.g., Python]`: only bold labels count, because plain
// `Decision: [what was chosen]` lines describe a format in gen-1 plans.
const LABELLED = /^\s*(?:[-*+]\s+)?\*\*[^*\n]{1,40}?(?::\*\*|\*\*\s*:)\s*(\[[^\]\n]+\])\s*$/;

// The same, with the bracketed value running over several lines (`**Structure Decision**: [Document the
// selected structure and reference the real` / `directories captured above]`).
const LABELLED_BLOCK = /^\s*(?:[-*+]\s+)?\*\*[^*\n]{1,40}?(?::\*\*|\*\*\s*:)\s*(\[[^\]]+\])\s*$/;

/** The bracketed value of a `**Label**: [...]` paragraph that spans lines, if it is one. */
function labelledAcrossLines(document: Document, start: number | undefined, end: number | undefined): string | undefined {
  if (start === undefined || end === undefined || end <= start) return undefined;
  return LABELLED_BLOCK.exec(document.prose.slice(start - 1, end).join('\n'))?.[1];
}

/** Lines of a list introduced by a line announcing a format (`... with format:`): an example, not values. */
function formatExampleLines(document: Document): Set<number> {
  const lines = new Set<number>();
  document.prose.forEach((text, index) => {
    if (!announcesFormat(text)) return;
    for (let line = index + 2; line <= document.prose.length; line++) {
      const next = document.prose[line - 1]!;
      if (!/^\s*(?:[-*+]|\d+[.)])\s+/.test(next)) break;
      lines.add(line);
    }
  });
  return lines;
}
