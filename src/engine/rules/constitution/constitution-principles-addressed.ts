import { z } from 'zod';
import { defineRule } from '../../rule.js';
import { findConstitution, namesPrinciple, principles, sectionTitled } from './read-constitution.js';

// spec-kit's unfilled Gen-2 placeholder; another rule reports it, this one waits for content.
const PLACEHOLDER = /\[Gates determined based on constitution file\]/i;

/**
 * Each principle of the constitution is addressed in the plan's Constitution Check, by
 * name (or a part of it, or its short form) or by numeral. Plans without a Constitution
 * Check, or with the bare template placeholder, are left to other rules.
 */
export default defineRule({
  meta: {
    id: 'constitution-principles-addressed',
    gate: 'constitution',
    description: "Every principle of the constitution is addressed in the plan's Constitution Check.",
    kinds: ['plan'],
    severity: 'warning',
    options: z.object({}).strict(),
  },
  check({ document, all, report }) {
    const constitution = findConstitution(all);
    if (!constitution) return;
    const list = principles(constitution);
    const section = sectionTitled(document, /Constitution\s+Check|Constitution\s+Compliance|合规|憲法|Constitui/i);
    if (list.length === 0 || !section) return;
    const body = document.prose.slice(section.line, section.endLine).join('\n');
    if (body.trim() === '' || PLACEHOLDER.test(document.lines.slice(section.line, section.endLine).join('\n')) && body.replace(/[\s[\]]/g, '').length < 80) return;
    for (const principle of list) {
      if (namesPrinciple(body, principle, true)) continue;
      report({
        line: section.line,
        message: `Missing principle \`${principle.numeral}. ${principle.name}\` in the Constitution Check, expected it addressed by name or numeral`,
      });
    }
  },
});
