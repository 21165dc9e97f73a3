import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import type { RuleContext } from '../../rule.js';
import { CONSTITUTION_CHECK, looksLikeTemplatePlan, sectionsTitled } from './plan-sections.js';

/**
 * spec-kit's plan template always carries a Constitution Check ("GATE: Must pass before Phase 0
 * research"); a plan written from it without one skipped the gate. Free-form plans, and
 * repositories known to have no constitution, are left alone.
 */
export default defineRule({
  meta: {
    id: 'constitution-check-present',
    gate: 'constitution',
    description: 'A spec-kit plan has a Constitution Check section.',
    kinds: ['plan'],
    families: ['speckit-gen1', 'speckit-gen2', 'speckit-epic'],
    severity: 'error',
    options: z.strictObject({}),
  },
  check(context) {
    const { document, report } = context;
    if (sectionsTitled(document, CONSTITUTION_CHECK).length > 0) return;
    if (!looksLikeTemplatePlan(document) || !hasConstitution(context)) return;
    const technical = document.sections.find((section) => /^technical context/i.test(section.title));
    report({
      line: technical?.line ?? document.sections[0]?.line ?? 1,
      message: 'Missing `## Constitution Check` section, expected each constitution gate judged before Phase 0 research',
    });
  },
});

/** False only when the repository tree is known and holds no constitution at all. */
function hasConstitution({ all, tree }: RuleContext<unknown>): boolean {
  if (all.some((document) => document.kind === 'constitution')) return true;
  if (!tree) return true;
  for (const path of tree) if (/(^|\/)constitution\.md$/i.test(path)) return true;
  return false;
}
