import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { missingSections, type TemplateSection } from './sections.js';

/** The three parts of Kiro's bugfix analysis; British spelling and the template's parenthesised glosses count. */
export const BUGFIX_SECTIONS: readonly TemplateSection[] = [
  { name: 'Current Behavior', pattern: /^current\s+behaviou?r\b/i },
  { name: 'Expected Behavior', pattern: /^expected\s+behaviou?r\b/i },
  { name: 'Unchanged Behavior', pattern: /^unchanged\s+behaviou?r\b/i },
];

/** A Kiro bugfix.md states the current, the expected and the unchanged behaviour. */
export default defineRule({
  meta: {
    id: 'kiro-bugfix-sections',
    gate: 'completeness',
    description: 'A Kiro bugfix.md has Current Behavior, Expected Behavior and Unchanged Behavior sections, none empty.',
    kinds: ['spec'],
    families: ['kiro'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    if (!/(?:^|\/)bugfix\.md$/i.test(document.path)) return;
    for (const finding of missingSections(document, BUGFIX_SECTIONS, 'bugfix spec')) report(finding);
  },
});
