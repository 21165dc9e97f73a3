import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { quote } from '../quote.js';
import { findStaleClarificationMarkers } from './find-clarification-markers.js';

const TEXT_LIMIT = 160;

/**
 * A `[NEEDS CLARIFICATION: question]` marker whose question is already answered under the
 * document's `## Clarifications` (spec-kit's `/clarify` records `- Q: … → A: …`) is stale: the
 * answer exists, the marker was left behind. A warning pointing to the answer, not an open question.
 */
export default defineRule({
  meta: {
    id: 'no-stale-clarifications',
    gate: 'clarifications',
    description: 'No `[NEEDS CLARIFICATION: …]` marker is left behind once its question is answered under `## Clarifications`.',
    kinds: ['spec', 'plan', 'tasks', 'research', 'data-model', 'quickstart', 'contract', 'checklist', 'proposal'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    for (const marker of findStaleClarificationMarkers(document)) {
      report({
        line: marker.line,
        column: marker.column,
        message: `Unexpected stale clarification \`${inline(marker.question)}\`, expected no marker: answered at line ${marker.answerLine}: \`${inline(marker.answer)}\`; remove the marker`,
      });
    }
  },
});

/** The text as it can sit in backticks on one line: whole, or cut between words with a visible `…`. */
function inline(text: string): string {
  return quote(text, TEXT_LIMIT).replace(/`/g, "'");
}
