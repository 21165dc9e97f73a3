import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { openItemFindings } from './checklist-summary.js';
import { isGateChecklist } from './gate-checklist.js';
import { GATE_CHECKLISTS } from './gate-checklists-complete.js';

/**
 * Domain checklists (`/speckit.checklist`, CHK ids) are often left open on purpose
 * until review or a manual test run, so by default an open one warns instead of failing.
 */
export default defineRule({
  meta: {
    id: 'domain-checklists-complete',
    gate: 'checklists',
    description: 'Domain checklists (every checklist except the gate checklists) have every item checked.',
    kinds: ['checklist'],
    severity: 'warning',
    options: z.strictObject({ skip: z._default(z.array(z.string().check(z.minLength(1))), GATE_CHECKLISTS) }),
  },
  check({ document, options, report }) {
    if (isGateChecklist(document, options.skip)) return;
    for (const finding of openItemFindings(document, 'expected it checked before implementation')) report(finding);
  },
});
