import { z } from 'zod';
import { defineRule } from '../../rule.js';
import { quote } from '../quote.js';
import { optionalLines, proseMatches } from './residue-scope.js';

// Template tokens, read in prose only: in code, inline code and comments they are examples.
export const TOKENS = /\[(?:FEATURE|FEATURE NAME|FEATURE_ID|DATE|EPIC-ID)\](?!\()|\[###-[\w-]+\](?!\()|\[e\.g\.?,?\s[^\]\n]*\](?!\()|\bTXXX\b/g;

/**
 * Leftovers of a spec-kit template in a document that should have been filled in:
 * placeholder tokens and `[REMOVE IF UNUSED]` option blocks (read everywhere, code blocks included, because
 * that is where the plan template puts them).
 */
export default defineRule({
  meta: {
    id: 'no-template-residue',
    gate: 'completeness',
    description: 'Documents hold no spec-kit template placeholders or unused option blocks.',
    kinds: ['spec', 'plan', 'tasks', 'checklist', 'research', 'data-model', 'quickstart', 'contract', 'other'],
    severity: 'error',
    options: z.object({}).strict(),
    residue: true,
  },
  check({ document, report }) {
    const skip = optionalLines(document);
    for (const match of proseMatches(document, TOKENS)) {
      if (skip.has(match.line)) continue;
      report({ line: match.line, column: match.column, message: `Unexpected template placeholder \`${quote(match.text)}\`, expected the real value` });
    }
    document.lines.forEach((text, index) => {
      if (text.includes('[REMOVE IF UNUSED]') && !skip.has(index + 1)) {
        report({ line: index + 1, message: 'Unexpected `[REMOVE IF UNUSED]` template option, expected unused options deleted and the chosen one unlabelled' });
      }
    });
  },
});
