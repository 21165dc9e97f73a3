import * as z from 'zod/mini';
import { defineRule, type Rule } from '../../rule.js';
import type { Document, Kind } from '../../types.js';
import technicalContextResolved from '../clarifications/technical-context-resolved.js';
import complexityTrackingNoTemplateRows from '../constitution/complexity-tracking-no-template-rows.js';
import constitutionCheckFilled from '../constitution/constitution-check-filled.js';
import constitutionNoPlaceholders from '../constitution/constitution-no-placeholders.js';
import gateStatusComplete from '../constitution/gate-status-complete.js';
import noInstructionComments from './no-instruction-comments.js';
import noPlaceholderValues from './no-placeholder-values.js';
import noTemplateResidue from './no-template-residue.js';
import { templateLine } from './template-line.js';
import { TEMPLATE_LINES } from './template-lines.js';

/**
 * The rules that report template leftovers: each declares `residue` in its meta, or marks
 * the findings that are leftovers. Their findings are what this rule counts, and what the
 * engine folds into its one finding.
 */
export const LEFTOVER_RULES: readonly Rule[] = [
  noTemplateResidue, noPlaceholderValues, noInstructionComments, constitutionNoPlaceholders,
  complexityTrackingNoTemplateRows, constitutionCheckFilled, technicalContextResolved, gateStatusComplete,
];

type TemplateName = keyof typeof TEMPLATE_LINES;
/** The templates a document of each kind can be a copy of, with the name a message gives them. */
const TEMPLATES_OF: Partial<Record<Kind, Array<[TemplateName, string]>>> = {
  plan: [['plan', 'the spec-kit plan template'], ['epic-plan', 'the spec-kit epic plan template'], ['milestone-plan', 'the milestone plan template']],
  spec: [['spec', 'the spec-kit spec template']],
  tasks: [['tasks', 'the spec-kit tasks template']],
  checklist: [['checklist', 'the spec-kit checklist template']],
  constitution: [['constitution', 'the spec-kit constitution template']],
};
const TEMPLATES = new Map(Object.entries(TEMPLATE_LINES).map(([name, lines]) => [name, new Set<string>(lines)]));
const FIRST_LINES = 5;

const options = z.strictObject({
  /** Fewer leftovers than this never make a document an unfilled template. */
  'min-leftovers': z._default(z.int().check(z.minimum(1)), 3),
  /** Share of the document's text lines that are the template's own lines, word for word. */
  'template-share': z._default(z.number().check(z.minimum(0), z.maximum(1)), 0.85),
  /** Share of the document's non-blank lines holding a leftover (any language, any template). */
  'leftover-share': z._default(z.number().check(z.minimum(0), z.maximum(1)), 0.3),
});

/**
 * A document that is still mostly its template (a spec-kit template copied and never
 * filled, or a constitution still reading `[PRINCIPLE_1_NAME]`) gets one error naming the
 * template, the count of leftovers and the first lines; the leftover findings of the
 * `residue` rules fold into it (the engine drops them, see overlaps.ts). Every finding that
 * is not about template state is still reported.
 */
export default defineRule({
  meta: {
    id: 'unfilled-template',
    gate: 'completeness',
    description: 'No document is still mostly its unfilled template.',
    kinds: ['spec', 'plan', 'tasks', 'checklist', 'constitution', 'research', 'data-model', 'quickstart', 'contract'],
    severity: 'error',
    options,
    foldsResidue: true,
  },
  check(context) {
    const { document, options: limits, report } = context;
    const leftovers = new Set<number>();
    for (const rule of LEFTOVER_RULES) {
      if (!rule.meta.kinds.includes(document.kind)) continue;
      if (rule.meta.families && !rule.meta.families.includes(document.family)) continue;
      rule.check({
        ...context,
        options: rule.meta.options.parse({}),
        report: (finding) => {
          if ((finding.residue ?? rule.meta.residue) === true && finding.path === undefined) leftovers.add(finding.line);
        },
      });
    }
    if (leftovers.size < limits['min-leftovers']) return;
    const best = (TEMPLATES_OF[document.kind] ?? [])
      .map(([template, label]) => ({ label, share: templateShare(document, TEMPLATES.get(template)!) }))
      .sort((a, b) => b.share - a.share)[0];
    const copied = best !== undefined && best.share >= limits['template-share'];
    const written = document.lines.filter((line) => line.trim() !== '').length;
    if (!copied && leftovers.size / Math.max(1, written) < limits['leftover-share']) return;
    const lines = [...leftovers].sort((a, b) => a - b);
    const first = lines.slice(0, FIRST_LINES).join(', ');
    const name = copied ? best.label : 'its template';
    report({
      line: lines[0]!,
      message: `Unexpected unfilled template: this ${document.kind} is still ${name} (${lines.length} leftover lines, first at ${lines.length > FIRST_LINES ? `${first}, …` : first}), expected it filled in or removed`,
    });
  },
});

/** Share of a document's text lines (see {@link templateLine}) that are lines of the template. */
export function templateShare(document: Document, template: ReadonlySet<string>): number {
  let total = 0;
  let matched = 0;
  for (const line of document.lines) {
    const key = templateLine(line);
    if (key === undefined) continue;
    total++;
    if (template.has(key)) matched++;
  }
  return total === 0 ? 0 : matched / total;
}
