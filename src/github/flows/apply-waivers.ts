import type { Conclusion, Report } from '../../engine/index.js';
import type { Waiver } from '../commands/waivers.js';

/**
 * The report as the job sees it once waivers apply: a failing gate waived on this PR
 * (`/specgate waive <gate> <reason>` by a maintainer) no longer fails the job.
 */
export function applyWaivers(report: Report, waivers: readonly Waiver[]): Report {
  if (waivers.length === 0) return report;
  const waived = new Set(waivers.map((waiver) => waiver.gate));
  const gates = report.gates.map((gate) => (waived.has(gate.id) && gate.conclusion === 'failure' ? { ...gate, conclusion: 'success' as const } : gate));
  let conclusion: Conclusion = report.conclusion;
  if (conclusion === 'failure' && !gates.some((gate) => gate.conclusion === 'failure')) conclusion = 'success';
  return { ...report, gates, conclusion };
}

/** One line per waiver, for the log and the job summary. */
export function describeWaivers(waivers: readonly Waiver[]): string[] {
  return waivers.map((waiver) => `Gate \`${waiver.gate}\` is waived on this pull request by @${waiver.by}: ${waiver.reason.replace(/\s+/g, ' ').slice(0, 300)}`);
}
