import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { openItemFindings } from '../checklists/checklist-summary.js';
import { implementationStarted } from '../checklists/feature-stage.js';
import { isGateChecklist } from '../checklists/gate-checklist.js';
import { GATE_CHECKLISTS } from '../checklists/gate-checklists-complete.js';

/**
 * spec-kit's `/speckit.implement` stops while any checklist in `checklists/` has open items.
 * Once implementation has started (a task of the feature is done, or a spec, plan or tasks
 * header declares the work complete), every open item of those checklists skipped that gate:
 * one finding per item, at its line. Gate checklists (`requirements.md`) are errors of
 * `gate-checklists-complete` at every stage and are left to it; a domain checklist warns
 * (`domain-checklists-complete`) before implementation and is this rule's error after it,
 * so one open item gives one finding.
 */
export default defineRule({
  meta: {
    id: 'done-tasks-have-closed-checklists',
    gate: 'consistency',
    description: 'Once implementation has started (a task done, or a done status), every domain checklist in `checklists/` has every item checked.',
    kinds: ['checklist'],
    severity: 'error',
    supersedes: ['domain-checklists-complete'],
    options: z.strictObject({}),
  },
  check({ document, feature, report }) {
    if (document.feature === '' || !document.path.split('/').slice(0, -1).includes('checklists')) return;
    if (isGateChecklist(document, GATE_CHECKLISTS)) return;
    const started = implementationStarted(feature);
    if (!started) return;
    const expected = `expected every checklist item checked once implementation has started (${started.evidence} at \`${started.path}\` line ${started.line})`;
    for (const finding of openItemFindings(document, expected)) report(finding);
  },
});
