import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { checkedRequirements, statesShallOrMust } from './parse.js';

/**
 * Every `### Requirement:` of a main spec, and every ADDED or MODIFIED one of a change, has a
 * text under its heading that states SHALL or MUST. A keyword in the heading alone does not
 * count: OpenSpec reads the requirement from the lines after it.
 */
export default defineRule({
  meta: {
    id: 'openspec-requirement-shall',
    gate: 'completeness',
    description: 'An OpenSpec requirement has a text under its heading that states SHALL or MUST.',
    kinds: ['spec'],
    families: ['openspec'],
    severity: 'error',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    for (const block of checkedRequirements(document)) {
      if (block.text === '') {
        report({
          line: block.line,
          message: statesShallOrMust(block.name)
            ? `Unexpected SHALL/MUST only in the heading of requirement \`${block.name}\`, expected it in the requirement text on the line after the heading`
            : `Unexpected requirement \`${block.name}\` without text, expected a sentence stating SHALL or MUST under its heading`,
        });
      } else if (!statesShallOrMust(block.text)) {
        report({ line: block.line, message: `Unexpected requirement \`${block.name}\` whose text states neither SHALL nor MUST, expected a normative sentence ("The system SHALL …")` });
      }
    }
  },
});
