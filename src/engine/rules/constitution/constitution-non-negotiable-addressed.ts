import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { predatesConstitution, principleNames, unaddressedPrinciples } from './plan-against-constitution.js';
import { findConstitution } from './read-constitution.js';

/**
 * Each NON-NEGOTIABLE principle of the constitution is addressed in the plan's Constitution
 * Check. The same reading as `constitution-principles-addressed` (a check that names none of
 * the principles is not decided; a plan checked against an earlier constitution is
 * `constitution-version-current`'s), but an error: a principle the constitution says cannot
 * be traded away was not even looked at.
 */
export default defineRule({
  meta: {
    id: 'constitution-non-negotiable-addressed',
    gate: 'constitution',
    description: "Every NON-NEGOTIABLE principle of the constitution is addressed in the plan's Constitution Check.",
    kinds: ['plan'],
    severity: 'error',
    options: z.strictObject({}),
  },
  check({ document, all, constitution: configured, report }) {
    const constitution = findConstitution(all, document, configured);
    if (!constitution || predatesConstitution(document, constitution)) return;
    const check = unaddressedPrinciples(document, constitution);
    const missing = check?.missing.filter((principle) => principle.nonNegotiable) ?? [];
    if (!check || missing.length === 0) return;
    report({
      line: check.line,
      message: `Missing NON-NEGOTIABLE principle${missing.length === 1 ? '' : 's'} ${principleNames(missing)} in the Constitution Check, expected each NON-NEGOTIABLE principle of \`${constitution.path}\` addressed by name or numeral`,
    });
  },
});
