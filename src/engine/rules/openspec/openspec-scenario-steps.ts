import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { checkedRequirements } from './parse.js';

/**
 * Every scenario (`#### ...`) of a main spec's requirement, and of an ADDED or MODIFIED one of
 * a change, has its steps: a WHEN (or GIVEN) and a THEN, in any case (`- **WHEN** ...`,
 * `Given ... When ... Then ...`). One finding per scenario, naming what it lacks.
 */
const CONDITION = /\b(?:WHEN|GIVEN)\b/i;
const OUTCOME = /\bTHEN\b/i;

export default defineRule({
  meta: {
    id: 'openspec-scenario-steps',
    gate: 'completeness',
    description: 'An OpenSpec scenario has a WHEN (or GIVEN) step and a THEN step.',
    kinds: ['spec'],
    families: ['openspec'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    for (const block of checkedRequirements(document)) {
      block.scenarios.forEach((scenario, index) => {
        const end = block.scenarios[index + 1]?.line ?? block.endLine + 1;
        const body = document.lines.slice(scenario.line, end - 1).join('\n');
        const missing = [CONDITION.test(body) ? '' : 'WHEN', OUTCOME.test(body) ? '' : 'THEN'].filter(Boolean);
        if (missing.length === 0) return;
        report({ line: scenario.line, message: `Unexpected scenario \`${scenario.name}\` without a ${missing.join(' or ')} step, expected \`- **WHEN** <condition>\` and \`- **THEN** <outcome>\`` });
      });
    }
  },
});
