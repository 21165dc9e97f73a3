import * as core from '@actions/core';
import type { Finding, Report, Severity } from '../engine/index.js';
import { renderText, untrustedLog } from '../engine/report/index.js';
import { annotate } from './annotate.js';
import { writeOutputs } from './write-outputs.js';
import { writeSummary } from './write-summary.js';

const RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/**
 * Reports a result the same way in every mode: findings in the log and as annotations,
 * the job summary, the outputs and report files, and the job status — the job is the gate.
 */
export async function finish(report: Report, options: { sarifFile?: string; notes: readonly string[] }): Promise<void> {
  // Paths and messages come from the pull request: no line of theirs may read as a workflow command.
  core.info(untrustedLog(renderText(report)));
  const findings: Finding[] = report.gates.flatMap((gate) => gate.findings);
  findings.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const tally = annotate(findings);
  for (const note of options.notes) core.info(untrustedLog(note));
  writeOutputs(report, options.sarifFile);
  await writeSummary(report, { tally, notes: options.notes });
  if (report.conclusion === 'failure') {
    const failed = report.gates.filter((gate) => gate.conclusion === 'failure').map((gate) => gate.id);
    core.setFailed(`specgate: ${failed.length} gate(s) failed: ${failed.join(', ')}`);
  }
}
