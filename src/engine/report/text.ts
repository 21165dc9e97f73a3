import type { Finding, Report } from '../types.js';
import { countSeverities, describeCounts } from './counts.js';
import { renderCoverageText } from './coverage.js';
import { describeGroup, groupFindings } from './group.js';
import { untrustedTerminal } from './untrusted.js';

const VERDICT_MARK = { success: '✓', failure: '✗', neutral: '-' } as const;

/**
 * The report for people at a terminal: findings by file (line, severity, message, rule),
 * the findings of one rule in one file as one entry with their count and lines, then one
 * verdict line per gate and an overall result.
 */
export function renderText(report: Report): string {
  const out: string[] = [];
  for (const [path, findings] of groupByPath(report)) {
    out.push(untrustedTerminal(path));
    const width = Math.max(...findings.map((finding) => String(finding.line).length));
    const groups = groupFindings(findings).sort((a, b) => a.first.line - b.first.line || a.first.rule.localeCompare(b.first.rule));
    for (const group of groups) {
      const { first } = group;
      const line = String(first.line).padStart(width);
      const count = group.findings.length > 1 ? ` (${describeGroup(group)})` : '';
      out.push(`  ${line}  ${first.severity.padEnd(7)}  ${untrustedTerminal(first.message)}${count}  ${first.rule}`);
    }
    out.push('');
  }
  const idWidth = Math.max(...report.gates.map((gate) => gate.id.length));
  out.push('Gates');
  for (const gate of report.gates) {
    const detail = gate.conclusion === 'neutral' && gate.findings.length === 0 ? 'no documents' : describeCounts(countSeverities(gate.findings));
    out.push(`  ${VERDICT_MARK[gate.conclusion]} ${gate.id.padEnd(idWidth)}  ${gate.conclusion.padEnd(7)}  ${detail}`);
  }
  out.push('');
  const coverage = renderCoverageText(report.coverage ?? []);
  if (coverage !== '') out.push(coverage);
  for (const note of report.notes ?? []) out.push(`Note: ${untrustedTerminal(note)}`, '');
  const all = report.gates.flatMap((gate) => gate.findings);
  const documents = `${report.documents.length} document${report.documents.length === 1 ? '' : 's'} checked`;
  out.push(`Result: ${report.conclusion} (${documents}, ${describeCounts(countSeverities(all))})`);
  return `${out.join('\n')}\n`;
}

function groupByPath(report: Report): Map<string, Finding[]> {
  const all = report.gates.flatMap((gate) => gate.findings);
  all.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.rule.localeCompare(b.rule));
  const groups = new Map<string, Finding[]>();
  for (const finding of all) {
    const list = groups.get(finding.path) ?? [];
    list.push(finding);
    groups.set(finding.path, list);
  }
  return groups;
}
