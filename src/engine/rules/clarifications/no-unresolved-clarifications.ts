import { z } from 'zod';
import { defineRule } from '../../rule.js';
import { quote } from '../quote.js';
import { findClarificationMarkers } from './find-clarification-markers.js';
import { researchResolvedLines } from './research-resolved.js';

const QUESTION_LIMIT = 160;

/**
 * Every actionable `[NEEDS CLARIFICATION: question]` marker is an open question: the document
 * is not ready until it is answered. Mentions of the marker (bare `[NEEDS CLARIFICATION]`,
 * code, comments, headings, checklist items about markers) are not findings.
 */
export default defineRule({
  meta: {
    id: 'no-unresolved-clarifications',
    gate: 'clarifications',
    description: 'Documents hold no unresolved `[NEEDS CLARIFICATION: …]` markers.',
    kinds: ['spec', 'plan', 'tasks', 'research', 'data-model', 'quickstart', 'contract', 'checklist', 'proposal'],
    severity: 'error',
    options: z.object({}).strict(),
  },
  check({ document, feature, report }) {
    // A plan's Technical Context questions are answered by Phase 0 in `research.md`.
    const answered = researchResolvedLines(document, feature);
    for (const marker of findClarificationMarkers(document)) {
      if (answered.has(marker.line)) continue;
      report({
        line: marker.line,
        column: marker.column,
        message: `Unexpected unresolved clarification \`${inline(marker.question)}\`, expected an answer recorded under \`## Clarifications\``,
      });
    }
  },
});

/** The question as it can sit in backticks on one line: whole, or cut between words with a visible `…`. */
function inline(question: string): string {
  return quote(question, QUESTION_LIMIT).replace(/`/g, "'");
}
