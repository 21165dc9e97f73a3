import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { quote } from '../quote.js';
import type { Section } from '../../types.js';
import { isOpen } from './checklist-summary.js';
import { declaredComplete } from './plan-status.js';

/** Checkbox sections of the phased and milestone plan shapes that must be ticked once the plan is done. */
export const DONE_SECTIONS = ['Success Criteria', 'Definition of Done', 'Production-Grade Checklist', 'Manual Verification'];

// Headings are often numbered or decorated: `## 3. Success Criteria`, `## ✅ Definition of Done`.
function normalise(title: string): string {
  return title.replace(/^[^\p{L}]+/u, '').toLowerCase();
}

/**
 * In a plan, checkboxes are intentions until the work is done: a plan under review is
 * never failed for open boxes. Once the plan declares itself complete (see
 * `plan-status.ts`), every open box in a done-section is a claim without evidence.
 */
export default defineRule({
  meta: {
    id: 'completed-plan-boxes-checked',
    gate: 'checklists',
    description: 'A plan that declares itself complete has every box checked in its Success Criteria, Definition of Done and similar sections.',
    kinds: ['plan'],
    severity: 'error',
    options: z.strictObject({ sections: z._default(z.array(z.string().check(z.minLength(1))), DONE_SECTIONS) }),
  },
  check({ document, options, report }) {
    const declaration = declaredComplete(document);
    if (!declaration) return;
    const names = options.sections.map((name) => name.toLowerCase());
    const sections = document.sections.filter((s) => names.some((name) => normalise(s.title).startsWith(name)));
    for (const box of document.checkboxes) {
      if (!isOpen(box)) continue;
      const section = innermost(sections, box.line);
      if (!section) continue;
      report({
        line: box.line,
        message: `Unexpected unchecked item \`${quote(box.text)}\` in \`${section.title}\` of a plan declared complete at line ${declaration.line} (${declaration.evidence}), expected it checked`,
      });
    }
  },
});

function innermost(sections: readonly Section[], line: number): Section | undefined {
  return sections.filter((s) => line > s.line && line <= s.endLine).sort((a, b) => b.depth - a.depth)[0];
}
