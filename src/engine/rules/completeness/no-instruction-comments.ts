import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';

// Instructions the templates hide in HTML comments for the author to act on and delete.
const COMMENTS: Array<[RegExp, string]> = [
  [/ACTION REQUIRED/, 'ACTION REQUIRED'],
  [/SAMPLE TASKS/, 'SAMPLE TASKS'],
];

/**
 * `<!-- ACTION REQUIRED ... -->` and the tasks template's SAMPLE TASKS comment. They
 * are invisible once rendered and filled documents often keep them, so by default
 * this warns; the sections around them are checked by the other completeness rules.
 */
export default defineRule({
  meta: {
    id: 'no-instruction-comments',
    gate: 'completeness',
    description: 'Documents hold no template instruction comments (`ACTION REQUIRED`, `SAMPLE TASKS`).',
    kinds: ['spec', 'plan', 'tasks', 'checklist', 'research', 'data-model', 'quickstart', 'contract', 'proposal', 'other'],
    severity: 'warning',
    options: z.strictObject({}),
    residue: true,
  },
  check({ document, report }) {
    for (const node of document.nodes) {
      if (node.type !== 'html') continue;
      for (const [pattern, label] of COMMENTS) {
        const offset = node.value.split('\n').findIndex((line) => pattern.test(line));
        if (offset < 0) continue;
        report({ line: node.line + offset, message: `Unexpected template comment \`${label}\`, expected it acted on and deleted` });
      }
    }
  },
});
