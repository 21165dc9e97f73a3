import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { checkedRequirements } from './parse.js';

/**
 * Every `### Requirement:` of a main spec, and every ADDED or MODIFIED one of a change, has at
 * least one scenario: a `#### ` heading (exactly four `#`) with steps under it. A scenario
 * written at another level, or as a bold bullet, is reported at that line, since that is the
 * fix; an empty scenario heading at its own line.
 */
const MISLEVELLED = /^\s*(?:(#{1,3}|#{5,6})\s*Scenario\b|[-*+]?\s*\*\*Scenario\b)/i;

export default defineRule({
  meta: {
    id: 'openspec-requirement-has-scenario',
    gate: 'completeness',
    description: 'An OpenSpec requirement has at least one `#### Scenario:` with steps under it.',
    kinds: ['spec'],
    families: ['openspec'],
    severity: 'error',
    options: z.strictObject({}),
    supersedes: ['openspec-scenario-steps'],
  },
  check({ document, report }) {
    for (const block of checkedRequirements(document)) {
      if (block.scenarios.some((scenario) => scenario.hasBody)) continue;
      const mislevelled = document.lines.slice(block.line, block.endLine).findIndex((line) => MISLEVELLED.test(line));
      if (mislevelled !== -1) {
        const line = block.line + 1 + mislevelled;
        const written = document.lines[line - 1]!.trim().replace(/^([#*\-+\s]*Scenario\b:?).*$/i, '$1');
        report({ line, message: `Unexpected scenario written as \`${written}\`, expected \`#### Scenario: <name>\` (exactly four #) under requirement \`${block.name}\`` });
        continue;
      }
      const empty = block.scenarios[0];
      if (empty) report({ line: empty.line, message: `Unexpected empty scenario \`#### ${empty.name}\`, expected WHEN/THEN steps under it` });
      else report({ line: block.line, message: `Unexpected requirement \`${block.name}\` without a scenario, expected at least one \`#### Scenario: <name>\` with WHEN/THEN steps` });
    }
  },
});
