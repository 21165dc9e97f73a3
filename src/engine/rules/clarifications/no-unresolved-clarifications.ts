import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { quote } from '../quote.js';
import { findClarificationMarkers, type ClarificationMarker } from './find-clarification-markers.js';
import { researchResolvedLines } from './research-resolved.js';

const QUESTION_LIMIT = 160;

/**
 * Every actionable `[NEEDS CLARIFICATION: question]` marker is an open question: the document
 * is not ready until it is answered. In Kiro documents a `TBD` and an item of an open-questions
 * section are open questions too. Mentions of the marker (bare `[NEEDS CLARIFICATION]`,
 * code, comments, headings, checklist items about markers) are not findings.
 */
export default defineRule({
  meta: {
    id: 'no-unresolved-clarifications',
    gate: 'clarifications',
    description: 'Documents hold no unresolved `[NEEDS CLARIFICATION: …]` markers.',
    kinds: ['spec', 'plan', 'tasks', 'research', 'data-model', 'quickstart', 'contract', 'checklist', 'proposal'],
    severity: 'error',
    options: z.strictObject({}),
  },
  check({ document, feature, report }) {
    // A plan's Technical Context questions are answered by Phase 0 in `research.md`.
    const answered = researchResolvedLines(document, feature);
    for (const marker of findClarificationMarkers(document)) {
      if (answered.has(marker.line)) continue;
      report({ line: marker.line, column: marker.column, message: messageFor(marker) });
    }
  },
});

function messageFor(marker: ClarificationMarker): string {
  const question = inline(marker.question);
  if (marker.form === 'tbd') return `Unexpected \`TBD\` in \`${question}\`, expected the value decided and written in its place`;
  if (marker.form === 'open-question') return `Unexpected open question \`${question}\`, expected it answered in the document and removed from the open questions (or ticked \`[x]\`)`;
  return `Unexpected unresolved clarification \`${question}\`, expected an answer recorded under \`## Clarifications\``;
}

/** The question as it can sit in backticks on one line: whole, or cut between words with a visible `…`. */
function inline(question: string): string {
  return quote(question, QUESTION_LIMIT).replace(/`/g, "'");
}
