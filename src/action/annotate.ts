import * as core from '@actions/core';
import { untrustedLog, untrustedPlain, type Finding, type Severity } from '../engine/index.js';

/**
 * GitHub shows at most 10 error and 10 warning annotations per step (and 50 per job);
 * the rest are dropped silently, so we count them ourselves.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */
export const ANNOTATION_CAPS: Record<Severity, number> = { error: 10, warning: 10, notice: 10 };

/** What was shown as annotations and what only went to the log and the summary. */
export interface AnnotationTally {
  shown: number;
  overflow: Record<Severity, number>;
}

const EMIT: Record<Severity, (message: string, properties: core.AnnotationProperties) => void> = {
  error: core.error,
  warning: core.warning,
  notice: core.notice,
};

/** The workflow-command annotation for one finding (paths relative to the workspace). */
export function toAnnotation(finding: Finding): core.AnnotationProperties {
  return {
    title: `specgate ${finding.gate}: ${finding.rule}`,
    file: finding.path,
    startLine: finding.line,
    ...(finding.endLine !== undefined ? { endLine: finding.endLine } : {}),
  };
}

/**
 * Emits findings as annotations up to the caps, errors first, and writes the overflow
 * to the log as plain lines so that no finding is invisible.
 */
export function annotate(findings: readonly Finding[]): AnnotationTally {
  const tally: AnnotationTally = { shown: 0, overflow: { error: 0, warning: 0, notice: 0 } };
  const used: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const overflow: Finding[] = [];
  for (const finding of findings) {
    if (used[finding.severity] >= ANNOTATION_CAPS[finding.severity]) {
      tally.overflow[finding.severity] += 1;
      overflow.push(finding);
      continue;
    }
    used[finding.severity] += 1;
    tally.shown += 1;
    // Annotations are plain text; core escapes the command, the message is still folded and bounded.
    EMIT[finding.severity](`${untrustedPlain(finding.message, { max: 4_000 })} (${finding.docs})`, toAnnotation(finding));
  }
  if (overflow.length > 0) {
    core.info(`${overflow.length} more finding(s) beyond GitHub's annotation limits (10 errors and 10 warnings per step):`);
    for (const finding of overflow) {
      core.info(untrustedLog(`  ${finding.path}:${finding.line}  ${finding.severity}  ${finding.message}  ${finding.rule}`));
    }
  }
  return tally;
}
