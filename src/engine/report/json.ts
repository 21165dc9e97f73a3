import type { Report } from '../types.js';

/**
 * The stable JSON report other tools consume (README "JSON report"). Fields are picked
 * one by one so that a new field on `Finding` never changes this shape by accident.
 */
export interface JsonReport {
  conclusion: Report['conclusion'];
  gates: Array<{
    id: string;
    conclusion: Report['conclusion'];
    findings: Array<{ rule: string; severity: string; path: string; line: number; message: string }>;
  }>;
  documents: Array<{ path: string; kind: string; family: string }>;
}

/** Projects a report onto the documented JSON shape. */
export function toJsonReport(report: Report): JsonReport {
  return {
    conclusion: report.conclusion,
    gates: report.gates.map((gate) => ({
      id: gate.id,
      conclusion: gate.conclusion,
      findings: gate.findings.map(({ rule, severity, path, line, message }) => ({ rule, severity, path, line, message })),
    })),
    documents: report.documents.map(({ path, kind, family }) => ({ path, kind, family })),
  };
}

/** One JSON object, two-space indented, with a trailing newline. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}
