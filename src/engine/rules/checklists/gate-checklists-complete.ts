import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { openItemFindings } from './checklist-summary.js';
import { isGateChecklist } from './gate-checklist.js';

/** Checklists that gate the next phase in spec-kit and in the epic variant. */
export const GATE_CHECKLISTS = ['requirements.md', 'PlanQualityGate.md'];

/**
 * spec-kit stops `/speckit.implement` while a checklist has open items. The spec quality
 * checklist (`requirements.md`) and the epic's `PlanQualityGate.md` are written and
 * ticked with the document they check, so an open item there is a real gap. A checklist is a
 * gate checklist by its title and purpose ("Specification Quality Checklist", "Validate
 * specification completeness ...") under any name; a gate name titled as a domain checklist
 * (`# Security Checklist: ...`) is not one.
 */
export default defineRule({
  meta: {
    id: 'gate-checklists-complete',
    gate: 'checklists',
    description: 'Gate checklists (`requirements.md`, `PlanQualityGate.md`) have every item checked.',
    kinds: ['checklist'],
    severity: 'error',
    options: z.strictObject({ names: z._default(z.array(z.string().check(z.minLength(1))), GATE_CHECKLISTS) }),
  },
  check({ document, options, report }) {
    if (!isGateChecklist(document, options.names)) return;
    for (const finding of openItemFindings(document, 'expected it checked before implementation')) report(finding);
  },
});
