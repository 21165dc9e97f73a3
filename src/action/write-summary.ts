import * as core from '@actions/core';
import type { Report } from '../engine/index.js';
import { renderMarkdown, untrustedMarkdown } from '../engine/report/index.js';
import type { AnnotationTally } from './annotate.js';

/** GitHub rejects a step summary over 1 MiB; stay well below it (and below any check-run limit reuse). */
const SUMMARY_LENGTH = 60_000;

/** Notes appended to the summary: degraded writes, dry-run plans, annotation overflow. */
export interface SummaryNotes {
  tally: AnnotationTally;
  notes: readonly string[];
}

/** Writes the job summary: the gates table and findings, then what did not fit in annotations. */
export async function writeSummary(report: Report, { tally, notes }: SummaryNotes): Promise<void> {
  const hidden = tally.overflow.error + tally.overflow.warning + tally.overflow.notice;
  const lines = [...notes];
  if (hidden > 0) {
    lines.push(`${hidden} finding(s) were not shown as annotations (GitHub shows at most 10 errors and 10 warnings per step); all are listed above and in the log.`);
  }
  // Notes are composed by specgate but carry values (waiver reasons, logins, paths) from people.
  const footer = lines.map((line) => `> ${untrustedMarkdown(line, { max: 1_000 })}\n`).join('');
  const body = renderMarkdown(report, { maxLength: SUMMARY_LENGTH - footer.length - 2 });
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info('GITHUB_STEP_SUMMARY is not set: the job summary was not written.');
    return;
  }
  await core.summary.addRaw(footer ? `${body}\n${footer}` : body, true).write();
}
