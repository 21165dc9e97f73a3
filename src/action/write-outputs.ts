import * as core from '@actions/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { rules, type Report } from '../engine/index.js';
import { renderJson, renderSarif } from '../engine/report/index.js';

declare const __SPECGATE_VERSION__: string | undefined;

/** The version stamped into the bundle by scripts/build-action.ts. */
export const VERSION = typeof __SPECGATE_VERSION__ === 'string' ? __SPECGATE_VERSION__ : '0.0.0-dev';

/** Writes the JSON report (and SARIF when asked) and sets the `conclusion`, `findings` and `report` outputs. */
export function writeOutputs(report: Report, sarifFile: string | undefined): { reportPath: string } {
  const reportPath = join(process.env.RUNNER_TEMP || process.cwd(), 'specgate-report.json');
  writeFile(reportPath, renderJson(report));
  if (sarifFile) {
    const sarifPath = resolve(process.env.GITHUB_WORKSPACE || process.cwd(), sarifFile);
    writeFile(sarifPath, renderSarif(report, { rules: rules.map((rule) => rule.meta), version: VERSION }));
    core.info(`SARIF written to ${sarifPath}`);
  }
  const findings = report.gates.reduce((sum, gate) => sum + gate.findings.length, 0);
  core.setOutput('conclusion', report.conclusion);
  core.setOutput('findings', String(findings));
  core.setOutput('report', reportPath);
  return { reportPath };
}

function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** A copy of the report whose paths are relative to the workspace, for a folder gated with `path`. */
export function prefixPaths(report: Report, prefix: string): Report {
  if (prefix === '') return report;
  return {
    ...report,
    gates: report.gates.map((gate) => ({
      ...gate,
      findings: gate.findings.map((finding) => ({ ...finding, path: prefix + finding.path })),
    })),
    documents: report.documents.map((document) => ({ ...document, path: prefix + document.path })),
  };
}
