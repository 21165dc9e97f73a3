import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { missingSections, type TemplateSection } from './sections.js';

/** The sections of Kiro's design template; a heading that starts with the name counts ("Error Handling and Edge Cases"). */
export const DESIGN_SECTIONS: readonly TemplateSection[] = [
  { name: 'Overview', pattern: /^overview\b/i },
  { name: 'Architecture', pattern: /^architecture\b/i },
  { name: 'Components and Interfaces', pattern: /^components\s+(?:and|&)\s+interfaces\b/i },
  { name: 'Data Models', pattern: /^data\s+(?:models?|layer|schemas?|structures?)\b/i },
  { name: 'Error Handling', pattern: /^error\s+handling\b/i },
  { name: 'Testing Strategy', pattern: /^testing\s+strategy\b/i },
];

/** A Kiro design.md has the sections of Kiro's design template, each with content. */
export default defineRule({
  meta: {
    id: 'kiro-design-sections',
    gate: 'completeness',
    description: 'A Kiro design.md has Overview, Architecture, Components and Interfaces, Data Models, Error Handling and Testing Strategy, none empty.',
    kinds: ['plan'],
    families: ['kiro'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    if (!/(?:^|\/)design\.md$/i.test(document.path)) return;
    for (const finding of missingSections(document, DESIGN_SECTIONS, 'design')) report(finding);
  },
});
