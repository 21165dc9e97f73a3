import type { Finding, Severity } from '../types.js';

/** Findings counted per severity. */
export type SeverityCounts = Record<Severity, number>;

/** Counts findings by severity. */
export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** `2 errors, 1 warning`, or `no findings`. */
export function describeCounts(counts: SeverityCounts): string {
  const parts = (Object.keys(counts) as Severity[])
    .filter((severity) => counts[severity] > 0)
    .map((severity) => `${counts[severity]} ${severity}${counts[severity] === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.join(', ') : 'no findings';
}
