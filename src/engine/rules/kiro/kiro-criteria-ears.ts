import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { quote } from '../quote.js';
import { kiroRequirements } from './parse.js';

// EARS: event (WHEN), unwanted behaviour (IF … THEN), state (WHILE), option (WHERE), ubiquitous (THE <system> SHALL).
const OPENING = /^(?:WHEN|IF|WHILE|WHERE|THE)\b/i;
const SHALL = /\bSHALL\b/i;
const PATTERNS = '`WHEN <event> THEN THE <system> SHALL <response>`, `IF <condition> THEN THE <system> SHALL …`, `WHILE <state> …`, `WHERE <feature> …` or `THE <system> SHALL …`';

/** Every acceptance criterion of a Kiro requirement is written in an EARS pattern. */
export default defineRule({
  meta: {
    id: 'kiro-criteria-ears',
    gate: 'completeness',
    description: 'Every Kiro acceptance criterion is written in an EARS pattern (WHEN, IF … THEN, WHILE, WHERE or THE <system> SHALL).',
    kinds: ['spec'],
    families: ['kiro'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    for (const requirement of kiroRequirements(document)) {
      for (const criterion of requirement.criteria) {
        const text = criterion.text.replace(/\*\*|__|`/g, '').trim();
        if (!OPENING.test(text)) {
          const opening = text.split(/\s+/).slice(0, 3).join(' ');
          report({ line: criterion.line, message: `Unexpected criterion ${criterion.id} opening with \`${quote(opening)}\`, expected an EARS pattern: ${PATTERNS}` });
        } else if (!SHALL.test(text)) {
          report({ line: criterion.line, message: `Unexpected criterion ${criterion.id} without a SHALL response, expected an EARS pattern: ${PATTERNS}` });
        }
      }
    }
  },
});
