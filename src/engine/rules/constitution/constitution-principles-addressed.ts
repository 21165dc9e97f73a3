import { z } from 'zod';
import { defineRule } from '../../rule.js';
import { findConstitution, namesPrinciple, principles, sectionTitled } from './read-constitution.js';

// spec-kit's unfilled Gen-2 placeholder; another rule reports it, this one waits for content.
const PLACEHOLDER = /\[Gates determined based on constitution file\]/i;

/**
 * Each principle of the constitution is addressed in the plan's Constitution Check, by
 * name (or a part of it, or its short form) or by numeral. Plans without a Constitution
 * Check, or with the bare template placeholder, are left to other rules; a check that
 * names fewer than half of the principles is not decided either.
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
    const constitution = findConstitution(all, document);
    if (!constitution) return;
    const list = principles(constitution);
    const section = sectionTitled(document, /Constitution\s+Check|Constitution\s+Compliance|合规|憲法|Constitui/i);
    if (list.length === 0 || !section) return;
    const body = document.prose
      .slice(section.line, section.endLine)
      .map((line) => line.replace(PLACEHOLDER, '').replace(/^\s*[_*]+GATE:.*$/i, ''))
      .join('\n');
    if (body.trim() === '') return;
    const missing = list.filter((principle) => !namesPrinciple(body, principle, true));
    // A check that names fewer than half of the principles speaks another vocabulary (a
    // translation, an older constitution, its own gate names like `Testing`, `Performance`,
    // which can match a principle by accident): what it covers cannot be decided.
    if (missing.length === 0 || (list.length - missing.length) * 2 < list.length) return;
    const names = missing.map((principle) => `\`${principle.numeral}. ${principle.name}\``).join(', ');
    report({
      line: section.line,
      message: `Missing principle${missing.length === 1 ? '' : 's'} ${names} in the Constitution Check, expected each principle addressed by name or numeral`,
    });
  },
});
