import type { Finding } from '../types.js';

/** The findings of one rule in one document: one entry where people read, one annotation each where they click. */
export interface FindingGroup {
  /** The group's first finding (lowest line): its severity, rule, path and message stand for the group. */
  first: Finding;
  findings: Finding[];
  /** Distinct lines, ascending. */
  lines: number[];
}

/** At most this many line numbers are listed in one entry; the rest are counted. */
export const LISTED_LINES = 12;

/** Groups findings by document, rule and severity, keeping the order of each group's first finding. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = `${finding.path}\u0000${finding.rule}\u0000${finding.severity}`;
    const list = groups.get(key) ?? [];
    list.push(finding);
    groups.set(key, list);
  }
  return [...groups.values()].map((list) => {
    const sorted = [...list].sort((a, b) => a.line - b.line);
    return { first: sorted[0]!, findings: sorted, lines: [...new Set(sorted.map((finding) => finding.line))] };
  });
}

/** `5 findings, lines 3, 8, 10, 13, 15` (line numbers past {@link LISTED_LINES} summed up as `… and N more`). */
export function describeGroup(group: FindingGroup): string {
  const listed = group.lines.slice(0, LISTED_LINES).join(', ');
  const rest = group.lines.length - LISTED_LINES;
  return `${group.findings.length} findings, lines ${listed}${rest > 0 ? ` and ${rest} more` : ''}`;
}
