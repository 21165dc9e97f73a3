import type { Report } from '../types.js';
import { countSeverities, describeCounts } from './counts.js';
import { renderCoverageMarkdown } from './coverage.js';
import { describeGroup, groupFindings, type FindingGroup } from './group.js';
import { untrustedCode, untrustedMarkdown } from './untrusted.js';

export interface MarkdownOptions {
  /**
   * The result is never longer than this many UTF-16 code units (so never more
   * characters either). Check-run `output.summary` and `output.text` fail with 422 at
   * 65,535 characters: https://docs.github.com/en/rest/checks/runs
   */
  maxLength?: number;
  /** Heading of the summary; `specgate: <conclusion>` when omitted. */
  title?: string;
}

/** Comfortably below the check-run limit of 65,535 characters. */
export const DEFAULT_MARKDOWN_LENGTH = 65_000;

const ICON = { success: '✅', failure: '❌', neutral: '⚪' } as const;

/**
 * The summary the App writes into check runs and the Action into the job summary: a
 * gates table, then the findings gate by gate, the findings of one rule in one document
 * as one entry with their count and lines (each keeps its own annotation). When it would
 * exceed `maxLength`, the entries that do not fit are replaced by one "… N more findings" line.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? DEFAULT_MARKDOWN_LENGTH;
  const head = header(report, options.title);
  const body = report.gates.filter((gate) => gate.findings.length > 0).flatMap((gate) => [
    { text: `\n### ${gate.id}\n\n`, count: 0 },
    ...groupFindings(gate.findings).map((group) => ({ text: `${groupLine(group)}\n`, count: group.findings.length })),
  ]);
  const total = body.reduce((sum, part) => sum + part.count, 0);
  let out = head;
  let shown = 0;
  for (const [i, part] of body.entries()) {
    // Keep room for the longest note that could still be needed, so it always fits.
    const reserve = i === body.length - 1 ? 0 : moreNote(total).length;
    if (out.length + part.text.length + reserve > maxLength) return clip(out + moreNote(total - shown), maxLength);
    out += part.text;
    shown += part.count;
  }
  // The audit trail of inline suppressions, then the coverage table: shown when they fit, never at the expense of findings.
  const suppressions = renderSuppressions(report);
  if (suppressions !== '' && out.length + suppressions.length + 1 <= maxLength) out += `\n${suppressions}`;
  const coverage = renderCoverageMarkdown(report.coverage ?? []);
  if (coverage !== '' && out.length + coverage.length + 1 <= maxLength) out += `\n${coverage}`;
  return clip(out, maxLength);
}

function header(report: Report, title: string | undefined): string {
  const rows = report.gates.map((gate) => {
    const detail = gate.conclusion === 'neutral' && gate.findings.length === 0 ? 'no documents' : describeCounts(countSeverities(gate.findings));
    return `| ${ICON[gate.conclusion]} ${gate.id} | ${gate.conclusion} | ${detail} |`;
  });
  const documents = `${report.documents.length} document${report.documents.length === 1 ? '' : 's'} checked.`;
  // Notes quote the config's roots: untrusted text like the findings.
  const notes = (report.notes ?? []).flatMap((note) => [`> ${untrustedMarkdown(note, { max: 2_000 })}`, '']);
  return [
    `## ${escapeInline(title ?? `specgate: ${report.conclusion}`)}`,
    '',
    documents,
    '',
    ...notes,
    '| Gate | Conclusion | Findings |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** Paths and messages quote what a pull request wrote: they go through the untrusted-text functions. */
/** Each inline suppression: where, which rules, its reason and how many findings it silenced. */
function renderSuppressions(report: Report): string {
  const entries = report.suppressions ?? [];
  if (entries.length === 0) return '';
  const lines = entries.map((entry) => {
    const rules = entry.rules.length === 0 ? 'all rules' : entry.rules.map((rule) => untrustedCode(rule, { max: 100 })).join(', ');
    const count = `${entry.suppressed.length} finding${entry.suppressed.length === 1 ? '' : 's'}`;
    return `- ${untrustedCode(`${entry.path}:${entry.line}`, { max: 300 })} ${rules}: ${untrustedMarkdown(entry.reason === '' ? '(no reason given)' : entry.reason, { max: 500 })} (${count})`;
  });
  return `### Suppressions\n\n${lines.join('\n')}\n`;
}

function groupLine(group: FindingGroup): string {
  const { first } = group;
  const where = untrustedCode(`${first.path}:${first.line}`, { max: 300 });
  const count = group.findings.length > 1 ? ` (${describeGroup(group)})` : '';
  return `- **${first.severity}** ${where} ${untrustedMarkdown(first.message, { max: 2_000 })}${count} ([${first.rule}](${first.docs}))`;
}

function moreNote(count: number): string {
  return `\n… ${count} more finding${count === 1 ? '' : 's'} not shown; run \`specgate check\` for all of them.\n`;
}

/** Messages are one line; a newline would break the list item. */
function escapeInline(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

/** Last resort for a tiny `maxLength`: cut, without splitting a surrogate pair. */
function clip(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let cut = text.slice(0, Math.max(0, maxLength));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}
