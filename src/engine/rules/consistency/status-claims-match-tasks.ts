import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import type { Document } from '../../types.js';
import { baseName, isOpen } from '../checklists/checklist-summary.js';
import { featureTasks, openChecklistItems } from '../checklists/feature-stage.js';
import { declaredComplete } from '../checklists/plan-status.js';
import { quote } from '../quote.js';
import { taskItems } from './trace.js';

/** Where a document claims the feature is done, and what it says. */
interface Claim {
  line: number;
  evidence: string;
}

// A completion report beside the feature's documents: `IMPLEMENTATION_COMPLETE.md`, `IMPLEMENTATION-COMPLETE.md`,
// `COMPLETION_REPORT.md`, `FEATURE_COMPLETE.md`. `completed_roadmap.md`, `TASK_GENERATION_REPORT.md` and
// `INTEGRATION_COMPLETE.md` (review notes merged into the spec) are not.
const REPORT_NAME = /^(?:implementation|feature|tasks?|work)[-_ ]?complete[d]?\.md$|^completion[-_ ]?(?:report|summary)\.md$/i;
// A report whose header says the next phase is still ahead claims no implementation.
const NOT_YET = /ready for (?:implementation|planning|review)/i;
// Header status values that claim the work is shippable, beside the done words of `plan-status.ts`.
const READY_STATUS = /^\s*(?:[-*]\s+)?Status\s*[:：]\s*(?:(?:✅|☑|✔|\uFE0F|\s)*)((?:production|merge)[- ]ready\b.*)$/i;
// A checked box that says every task is done: `- [x] All 47 tasks completed`.
const ALL_DONE_BOX = /^all\s+(?:\d+\s+)?tasks?\s+(?:are\s+)?(?:complete[d]?|done|finished)\b/i;

/** Whether a file name is a completion report. */
export function isCompletionReport(path: string): boolean {
  return REPORT_NAME.test(baseName(path));
}

function readyHeader(document: Document): Claim | undefined {
  const end = document.sections.find((s) => s.depth >= 2)?.line ?? document.prose.length + 1;
  for (let i = 0; i < end - 1; i++) {
    for (const part of (document.prose[i] ?? '').split('|')) {
      const match = READY_STATUS.exec(part.replace(/[*_]/g, ''));
      if (match) return { line: i + 1, evidence: `Status: ${match[1]!.trim()}` };
    }
  }
  return undefined;
}

function allDoneBox(document: Document): Claim | undefined {
  const box = document.checkboxes.find((b) => b.checked && ALL_DONE_BOX.test(b.text.replace(/[*_]/g, '').trim()));
  return box ? { line: box.line, evidence: quote(box.text) } : undefined;
}

/** The first claim a document makes that the feature is done. */
export function doneClaim(document: Document): Claim | undefined {
  if (document.kind === 'other') {
    if (!isCompletionReport(document.path)) return undefined;
    if (document.prose.slice(0, 10).some((line) => NOT_YET.test(line))) return undefined;
    const heading = document.sections.find((s) => s.depth === 1);
    return { line: heading?.line ?? 1, evidence: `completion report ${baseName(document.path)}` };
  }
  const declared = declaredComplete(document);
  return declared ?? readyHeader(document) ?? allDoneBox(document);
}

/** Open task items of a tasks document: items with a task id when any has one, else every open item. */
function openTasks(tasks: Document): Array<{ line: number; text: string }> {
  const items = taskItems(tasks);
  const withIds = items.filter((task) => /^T\d/.test(task.name));
  const counted = withIds.length > 0 ? withIds : items;
  const boxes = new Map(tasks.checkboxes.map((box) => [box.line, box]));
  return counted.filter((task) => !task.checked && isOpen(boxes.get(task.line)!)).map((task) => ({ line: task.line, text: task.text }));
}

/**
 * A spec, plan or tasks document whose header says the work is done (`**Status**: Implemented`,
 * `Complete`, `Production Ready`), a checked `All N tasks completed` box, or a completion report
 * in the feature folder (`IMPLEMENTATION_COMPLETE.md`), while the feature's tasks or checklists
 * still have open items: the claim and the evidence disagree. One finding per claiming document,
 * at its claim.
 */
export default defineRule({
  meta: {
    id: 'status-claims-match-tasks',
    gate: 'consistency',
    description: 'A document that claims the feature is done (status, completion report, "All tasks completed") has no open task or checklist item against it.',
    kinds: ['spec', 'plan', 'tasks', 'other'],
    severity: 'error',
    options: z.strictObject({}),
  },
  check({ document, feature, report }) {
    if (document.feature === '') return;
    const claim = doneClaim(document);
    if (!claim) return;
    const tasks = featureTasks(feature);
    const open = tasks ? openTasks(tasks) : [];
    const items = openChecklistItems(feature);
    if (open.length === 0 && items.length === 0) return;
    const sides: string[] = [];
    if (tasks && open.length > 0) {
      sides.push(`\`${tasks.path}\` has ${open.length} open task${open.length === 1 ? '' : 's'} (first at line ${open[0]!.line}: \`${quote(open[0]!.text)}\`)`);
    }
    if (items.length > 0) {
      sides.push(`the checklists have ${items.length} open item${items.length === 1 ? '' : 's'} (first at \`${items[0]!.path}\` line ${items[0]!.line})`);
    }
    report({
      line: claim.line,
      message: `Unexpected done claim \`${claim.evidence}\` while ${sides.join(' and ')}, expected every task and checklist item closed before the feature claims it is done`,
    });
  },
});
