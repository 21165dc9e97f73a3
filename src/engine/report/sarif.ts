import { DOCS_BASE } from '../evaluate.js';
import type { GateId, Report, Severity } from '../types.js';

/** What SARIF needs to know of a rule: the registry's `meta`, or any object shaped like it. */
export interface SarifRuleMeta {
  id: string;
  gate: GateId;
  description: string;
  severity: Severity;
}

export interface SarifOptions {
  /** Every registered rule, so `tool.driver.rules` documents rules without findings too. */
  rules: readonly SarifRuleMeta[];
  /** The specgate version, for `tool.driver.version`. */
  version: string;
  /** Code scanning's category (`automationDetails.id` is `<category>/`); default `specgate`. */
  category?: string;
}

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/specgate/specgate';

// SARIF has no "notice"; "note" is its lowest level that code scanning still shows.
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' };

/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`).
 * Locations are relative to the checked repository root (`%SRCROOT%`).
 */
export function renderSarif(report: Report, options: SarifOptions): string {
  const rules = [...options.rules].sort((a, b) => a.id.localeCompare(b.id));
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const results = report.gates.flatMap((gate) =>
    gate.findings.map((finding) => ({
      ruleId: finding.rule,
      ...(index.has(finding.rule) ? { ruleIndex: index.get(finding.rule) } : {}),
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(finding.path), uriBaseId: '%SRCROOT%' },
            region: { startLine: finding.line, ...(finding.column ? { startColumn: finding.column } : {}) },
          },
        },
      ],
      properties: { gate: gate.id },
    })),
  );
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'specgate',
            version: options.version,
            informationUri: INFORMATION_URI,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.description },
              helpUri: `${DOCS_BASE}${rule.id}.md`,
              defaultConfiguration: { level: LEVEL[rule.severity] },
              properties: { gate: rule.gate },
            })),
          },
        },
        automationDetails: { id: `${options.category ?? 'specgate'}/` },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
