import type { Finding, Report, SuppressionEntry } from '../types.js';

/** One finding as the JSON report carries it; `column` and `fix` only when known. */
export interface JsonFinding {
  rule: string;
  severity: string;
  path: string;
  line: number;
  /** 1-based column, when the rule locates the finding within the line. */
  column?: number;
  message: string;
  /** What to write instead: the message's `expected …` clause, when it has one. */
  fix?: string;
  /** The rule's documentation page. */
  docs: string;
}

/** Requirement → task coverage of one feature (spec and tasks document). */
export interface JsonCoverage {
  feature: string;
  spec: string;
  tasks: string;
  rows: Array<{ id: string; line: number; via: string; tasks: string[] }>;
}

/**
 * The stable JSON report other tools consume (README "JSON report"). Fields are picked
 * one by one so that a new field on `Finding` never changes this shape by accident; new
 * fields are added, never renamed or removed.
 */
export interface JsonReport {
  conclusion: Report['conclusion'];
  gates: Array<{
    id: string;
    conclusion: Report['conclusion'];
    findings: JsonFinding[];
  }>;
  documents: Array<{ path: string; kind: string; family: string }>;
  /** Present when some feature has both a spec and a tasks document. */
  coverage?: JsonCoverage[];
  /** Every inline suppression comment and the findings it suppressed; present when there is one. */
  suppressions?: SuppressionEntry[];
}

/** The clause after the last `, expected ` of an "Unexpected X, expected Y" message. */
export function fixOf(message: string): string | undefined {
  const at = message.lastIndexOf(', expected ');
  if (at < 0) return undefined;
  const fix = message.slice(at + ', expected '.length).trim();
  return fix === '' ? undefined : fix;
}

function toJsonFinding({ rule, severity, path, line, column, message, docs }: Finding): JsonFinding {
  const fix = fixOf(message);
  return { rule, severity, path, line, ...(column !== undefined ? { column } : {}), message, ...(fix !== undefined ? { fix } : {}), docs };
}

/** Projects a report onto the documented JSON shape. */
export function toJsonReport(report: Report): JsonReport {
  return {
    conclusion: report.conclusion,
    gates: report.gates.map((gate) => ({
      id: gate.id,
      conclusion: gate.conclusion,
      findings: gate.findings.map(toJsonFinding),
    })),
    documents: report.documents.map(({ path, kind, family }) => ({ path, kind, family })),
    ...(report.coverage
      ? {
          coverage: report.coverage.map(({ feature, spec, tasks, rows }) => ({
            feature,
            spec,
            tasks,
            rows: rows.map((row) => ({ id: row.id, line: row.line, via: row.via, tasks: row.tasks })),
          })),
        }
      : {}),
    ...(report.suppressions ? { suppressions: report.suppressions.map(({ path, line, rules, reason, kind, suppressed }) => ({ path, line, rules, reason, kind, suppressed })) } : {}),
  };
}

/** One JSON object, two-space indented, with a trailing newline. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}
