import { z } from 'zod';
import { defineRule } from '../../rule.js';
import { baseName, openChecklistFinding } from './checklist-summary.js';

/** Checklists that gate the next phase in spec-kit and in the epic variant. */
export const GATE_CHECKLISTS = ['requirements.md', 'PlanQualityGate.md'];

/**
 * spec-kit stops `/speckit.implement` while a checklist has open items. The spec quality
 * checklist (`requirements.md`) and the epic's `PlanQualityGate.md` are written and
 * ticked with the document they check, so an open item there is a real gap.
 */
export default defineRule({
  meta: {
    id: 'gate-checklists-complete',
    gate: 'checklists',
    description: 'Gate checklists (`requirements.md`, `PlanQualityGate.md`) have every item checked.',
    kinds: ['checklist'],
    severity: 'error',
    options: z
      .object({ names: z.array(z.string().min(1)).default(GATE_CHECKLISTS) })
      .strict(),
  },
  check({ document, options, report }) {
    const name = baseName(document.path).toLowerCase();
    if (!options.names.some((n) => n.toLowerCase() === name)) return;
    const finding = openChecklistFinding(document);
    if (finding) report(finding);
  },
});
