import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { predatesConstitution, principleNames, unaddressedPrinciples } from './plan-against-constitution.js';
import { findConstitution } from './read-constitution.js';

/**
 * Each principle of the constitution is addressed in the plan's Constitution Check, by
 * name (or a part of it, or its short form) or by numeral. Plans without a Constitution
 * Check, or with the bare template placeholder, are left to other rules; a check that
 * names none of the principles (it speaks its own vocabulary) is not decided either; one
 * that names some is held to all of them. NON-NEGOTIABLE principles are
 * `constitution-non-negotiable-addressed`'s. A plan checked against an
 * earlier constitution (it cites an older version, or predates the last amendment) is
 * `constitution-version-current`'s: one finding, naming the principles it does not address.
 */
export default defineRule({
  meta: {
    id: 'constitution-principles-addressed',
    gate: 'constitution',
    description: "Every principle of the constitution is addressed in the plan's Constitution Check.",
    kinds: ['plan'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, all, constitution: configured, report }) {
    const constitution = findConstitution(all, document, configured);
    if (!constitution || predatesConstitution(document, constitution)) return;
    const check = unaddressedPrinciples(document, constitution);
    // Omitted NON-NEGOTIABLE principles are `constitution-non-negotiable-addressed`'s (an
    // error). Both rules report at the Constitution Check heading, so `supersedes` would drop
    // this finding's other principles too: they are left out here instead.
    const missing = check?.missing.filter((principle) => !principle.nonNegotiable) ?? [];
    if (!check || missing.length === 0) return;
    report({
      line: check.line,
      message: `Missing principle${missing.length === 1 ? '' : 's'} ${principleNames(missing)} in the Constitution Check, expected each principle addressed by name or numeral`,
    });
  },
});
