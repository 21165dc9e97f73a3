import { createHash } from 'node:crypto';
import type { ConfigError, Finding, GateId, GateResult, Report } from '../../engine/index.js';
import {
  countSeverities, describeCounts, renderMarkdown, untrustedCode, untrustedMarkdown, untrustedPlain, untrustedText, untrustedUser,
} from '../../engine/report/index.js';
import type { Waiver } from '../commands/waivers.js';
import type { ClarificationMarker } from '../issues/markers.js';

/** The aggregate check: the one to make required. */
export const CHECK_NAME = 'specgate';

/** `specgate / clarifications` and the like. */
export function gateCheckName(gate: GateId): string {
  return `${CHECK_NAME} / ${gate}`;
}

/** Check-run `output.summary` fails with 422 at 65,535 characters. */
export const SUMMARY_LIMIT = 65_535;
const MAX_ANNOTATIONS = 1_000;

/** What a run of the gates came to, as the checks show it. */
export type CheckOutcome =
  | { kind: 'report'; report: Report; waivers?: readonly Waiver[]; overflow?: readonly ClarificationMarker[]; clarify?: boolean; notes?: readonly string[] }
  | { kind: 'no-documents' }
  | { kind: 'invalid-config'; errors: readonly ConfigError[] }
  | { kind: 'error'; reason: string };

export type CheckConclusion = 'success' | 'failure' | 'neutral';

/** One annotation, as the Checks API takes it. */
export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title: string;
}

/** One button on a check run (≤ 3; label ≤ 20, description ≤ 40, identifier ≤ 20 characters). */
export interface RequestedAction {
  label: string;
  description: string;
  identifier: string;
}

/** Everything one check run should end up showing. */
export interface CheckPlan {
  name: string;
  conclusion: CheckConclusion;
  title: string;
  /** Summary with the hidden fingerprint appended. */
  summary: string;
  annotations: Annotation[];
  actions: RequestedAction[];
  fingerprint: string;
  annotationsFingerprint: string;
}

const LEVEL = { error: 'failure', warning: 'warning', notice: 'notice' } as const;

/** Annotations render as plain text; a message quoting a document is folded, defused and bounded (GitHub allows 64 KB). */
const ANNOTATION_MESSAGE_MAX = 4_000;

/** Maps one finding to a check-run annotation. */
export function toAnnotation(finding: Finding): Annotation {
  return {
    path: finding.path,
    start_line: finding.line,
    end_line: Math.max(finding.line, finding.endLine ?? finding.line),
    annotation_level: LEVEL[finding.severity],
    message: untrustedPlain(finding.message, { max: ANNOTATION_MESSAGE_MAX }),
    title: untrustedPlain(finding.rule, { max: 200 }),
  };
}

/** The runs to publish for an outcome: the aggregate, plus one per gate when gates ran. */
export function planChecks(outcome: CheckOutcome): CheckPlan[] {
  if (outcome.kind !== 'report') return [finish(CHECK_NAME, describeOther(outcome), [], [recheck])];
  const waived = new Map((outcome.waivers ?? []).map((waiver) => [waiver.gate, waiver]));
  const gates = outcome.report.gates.map((gate) => planGate(gate, waived.get(gate.id), outcome.report.documents));
  const failing = gates.some((gate) => gate.conclusion === 'failure');
  const conclusion: CheckConclusion = failing ? 'failure' : outcome.report.conclusion === 'neutral' && waived.size === 0 ? 'neutral' : 'success';
  const report: Report = { ...outcome.report, conclusion };
  const extra = [waiverNote(outcome.waivers ?? []), overflowNote(outcome.overflow ?? []), notesNote(outcome.notes ?? [])].join('');
  const summary = renderMarkdown(report, { maxLength: SUMMARY_LIMIT - 200 - extra.length }) + extra;
  const findings = outcome.report.gates.flatMap((gate) => gate.findings);
  const actions = outcome.clarify ? [recheck, clarify] : [recheck];
  const aggregate = finish(CHECK_NAME, { conclusion, title: aggregateTitle(conclusion, findings), summary }, [], actions);
  return [aggregate, ...gates];
}

const recheck: RequestedAction = { label: 'Re-check', description: 'Run the specgate gates again', identifier: 'recheck' };
const clarify: RequestedAction = { label: 'Open issues', description: 'Open clarification issues', identifier: 'clarify' };

/** A gate run left from an earlier outcome on the same commit, now that the gates did not run. */
export function planIdleGate(name: string, outcome: Exclude<CheckOutcome, { kind: 'report' }>): CheckPlan {
  const reason = describeOther(outcome).title;
  return finish(name, { conclusion: 'neutral', title: `Not run: ${reason}`, summary: `The gates did not run on this commit: ${reason}. See the \`${CHECK_NAME}\` check.` }, [], []);
}

/**
 * What a younger duplicate of a run shows (see `listCheckRuns` in publish.ts): the oldest
 * run's conclusion, title and buttons, a summary pointing to that run, no annotations (the
 * oldest carries them). The oldest's fingerprint is part of the summary, so the duplicate is
 * rewritten exactly when the result changes.
 */
export function planDuplicate(plan: CheckPlan, first: { id: number; url?: string }): CheckPlan {
  const link = first.url ? `[run ${first.id}](${first.url})` : `run ${first.id}`;
  const summary = [
    `**${untrustedMarkdown(plan.title, { max: 300 })}**`,
    '',
    `This commit has this check more than once: two gatings of it ran at the same time. The first one, ${link}, carries the full result (summary and annotations); this one repeats its conclusion, so the check shows the same result whichever run GitHub lists.`,
    '',
    `<!-- specgate:duplicate-of ${first.id} result:${plan.fingerprint} -->`,
  ].join('\n');
  return finish(plan.name, { conclusion: plan.conclusion, title: plan.title, summary }, [], plan.actions);
}

function planGate(gate: GateResult, waiver: Waiver | undefined, documents: Report['documents']): CheckPlan {
  // The gate's run says how many documents the run checked, as the aggregate run does.
  const report: Report = { conclusion: gate.conclusion, gates: [gate], documents };
  let conclusion: CheckConclusion = gate.conclusion;
  let title = gate.findings.length === 0 ? (gate.conclusion === 'neutral' ? 'No documents for this gate' : 'No findings') : describeCounts(countSeverities(gate.findings));
  let waived = '';
  if (waiver && gate.conclusion === 'failure') {
    conclusion = 'success';
    title = `Waived by ${untrustedUser(waiver.by, { plain: true })}`;
    waived = `**Waived** by ${untrustedUser(waiver.by)}: ${untrustedText(waiver.reason, { max: 500 })}\n\n`;
  }
  const more = gate.findings.length > MAX_ANNOTATIONS ? `\n… ${gate.findings.length - MAX_ANNOTATIONS} more findings not annotated.\n` : '';
  const summary = waived + renderMarkdown(report, { maxLength: SUMMARY_LIMIT - 300 - waived.length - more.length, title: `${gate.id}: ${gate.conclusion}` }) + more;
  const annotations = gate.findings.slice(0, MAX_ANNOTATIONS).map(toAnnotation);
  return finish(gateCheckName(gate.id), { conclusion, title, summary }, annotations, []);
}

function describeOther(outcome: Exclude<CheckOutcome, { kind: 'report' }>): { conclusion: CheckConclusion; title: string; summary: string } {
  if (outcome.kind === 'no-documents') {
    return { conclusion: 'neutral', title: 'No spec documents changed', summary: 'This pull request changes no document under the configured spec roots, so no gate applies.' };
  }
  if (outcome.kind === 'invalid-config') {
    const lines = outcome.errors.slice(0, 200).map((error) => `- ${untrustedCode(error.path, { max: 200 })}${error.line ? ` (line ${error.line})` : ''}: ${untrustedMarkdown(error.message, { max: 300 })}. Fix: ${untrustedMarkdown(error.fix, { max: 300 })}`);
    return { conclusion: 'failure', title: 'Invalid configuration', summary: clip(`\`.github/specgate.yml\` on the default branch is invalid:\n\n${lines.join('\n')}\n`) };
  }
  return { conclusion: 'failure', title: 'specgate could not finish', summary: clip(`The gates stopped with an error: ${untrustedMarkdown(outcome.reason, { max: 2_000 })}\n\nUse **Re-check** or comment \`/specgate recheck\` to try again.`) };
}

function aggregateTitle(conclusion: CheckConclusion, findings: readonly Finding[]): string {
  if (conclusion === 'neutral') return 'No spec documents checked';
  const counts = describeCounts(countSeverities(findings));
  return conclusion === 'failure' ? `Gates failed: ${counts}` : `Gates passed: ${counts}`;
}

function waiverNote(waivers: readonly Waiver[]): string {
  return section('Waivers', waivers.map((w) => `- \`${w.gate}\` waived by ${untrustedUser(w.by)}: ${untrustedText(w.reason, { max: 300 })}`));
}

/** Notes are composed by specgate, but may carry paths and other values in code spans. */
function notesNote(notes: readonly string[]): string {
  return section('Notes', notes.map((note) => `- ${untrustedMarkdown(note, { max: 1_000 })}`));
}

function overflowNote(markers: readonly ClarificationMarker[]): string {
  return section('Open clarifications without an issue (cap reached)', markers.map((m) => `- ${untrustedCode(`${m.path}:${m.line}`, { max: 300 })} ${untrustedText(m.question, { max: 200 })}`));
}

/** Each extra section of the aggregate summary keeps to its share of the limit, the rest counted. */
const SECTION_BUDGET = 12_000;

function section(heading: string, items: readonly string[]): string {
  if (items.length === 0) return '';
  let body = '';
  let shown = 0;
  for (const item of items) {
    if (body.length + item.length + 1 > SECTION_BUDGET) break;
    body += `${item}\n`;
    shown += 1;
  }
  const more = shown < items.length ? `… ${items.length - shown} more\n` : '';
  return `\n### ${heading}\n\n${body}${more}`;
}

function clip(text: string): string {
  return text.length <= SUMMARY_LIMIT - 200 ? text : `${text.slice(0, SUMMARY_LIMIT - 300)}\n… ${text.length - (SUMMARY_LIMIT - 300)} more characters\n`;
}

function finish(name: string, output: { conclusion: CheckConclusion; title: string; summary: string }, annotations: Annotation[], actions: RequestedAction[]): CheckPlan {
  const annotationsFingerprint = hash(JSON.stringify(annotations));
  const fingerprint = hash(JSON.stringify([name, output, annotationsFingerprint, actions]));
  const summary = `${output.summary}\n<!-- specgate:fingerprint ${fingerprint} annotations:${annotationsFingerprint} -->\n`;
  return { name, conclusion: output.conclusion, title: output.title.slice(0, 255), summary, annotations, actions, fingerprint, annotationsFingerprint };
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
