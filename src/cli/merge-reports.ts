import type { Conclusion, GateResult, Report } from '../engine/index.js';

/** Prefixes every path of a report, so reports of several roots can be told apart. */
export function prefixPaths(report: Report, prefix: string): Report {
  if (prefix === '' || prefix === '.') return report;
  const at = (path: string): string => `${prefix.replace(/\/+$/, '')}/${path}`;
  return {
    conclusion: report.conclusion,
    gates: report.gates.map((gate) => ({ ...gate, findings: gate.findings.map((finding) => ({ ...finding, path: at(finding.path) })) })),
    documents: report.documents.map((document) => ({ ...document, path: at(document.path) })),
    ...(report.coverage ? { coverage: report.coverage.map((entry) => ({ ...entry, feature: at(entry.feature), spec: at(entry.spec), tasks: at(entry.tasks) })) } : {}),
    ...(report.notes ? { notes: report.notes.map((note) => `${prefix.replace(/\/+$/, '')}: ${note}`) } : {}),
    ...(report.suppressions ? { suppressions: report.suppressions.map((entry) => ({ ...entry, path: at(entry.path) })) } : {}),
  };
}

/** One report for several roots: a gate fails when it fails anywhere, and is neutral only when neutral everywhere. */
export function mergeReports(reports: readonly Report[]): Report {
  const [first, ...rest] = reports;
  if (!first) throw new Error('mergeReports needs at least one report');
  if (rest.length === 0) return first;
  const gates: GateResult[] = first.gates.map((gate) => {
    const same = reports.map((report) => report.gates.find((other) => other.id === gate.id)).filter((g) => g !== undefined);
    return {
      id: gate.id,
      conclusion: combine(same.map((g) => g.conclusion)),
      findings: same.flatMap((g) => g.findings),
    };
  });
  return {
    conclusion: combine(reports.map((report) => report.conclusion)),
    gates,
    documents: reports.flatMap((report) => report.documents),
    ...(reports.some((report) => report.coverage) ? { coverage: reports.flatMap((report) => report.coverage ?? []) } : {}),
    ...(reports.some((report) => report.notes) ? { notes: reports.flatMap((report) => report.notes ?? []) } : {}),
    ...(reports.some((report) => report.suppressions) ? { suppressions: reports.flatMap((report) => report.suppressions ?? []) } : {}),
  };
}

function combine(conclusions: readonly Conclusion[]): Conclusion {
  if (conclusions.includes('failure')) return 'failure';
  if (conclusions.includes('success')) return 'success';
  return 'neutral';
}
