import { createHash } from 'node:crypto';
import { featureFolder } from '../../engine/classify.js';
import { toDocument, type Report, type SourceFile } from '../../engine/index.js';
import { findClarificationMarkers } from '../../engine/rules/clarifications/find-clarification-markers.js';

/** One unresolved `[NEEDS CLARIFICATION: …]` marker that deserves an issue. */
export interface ClarificationMarker {
  path: string;
  feature: string;
  line: number;
  question: string;
  /** Stable identity: feature folder, file within it and normalised question (never the line). */
  key: string;
}

const RULE = 'no-unresolved-clarifications';

/** Lower-case, single-spaced, without trailing punctuation: edits to spacing or case keep the issue. */
export function normaliseQuestion(question: string): string {
  return question.toLowerCase().replace(/[*_`]/g, '').replace(/\s+/g, ' ').replace(/[\s?.!:;,]+$/, '').trim();
}

/** The identity of a marker, independent of its line and of the issue title. */
export function markerKey(path: string, question: string): string {
  const feature = featureFolder(path, 'other');
  const file = feature === '' ? path : path.slice(feature.length + 1);
  return createHash('sha256').update(`${feature}\n${file}\n${normaliseQuestion(question)}`).digest('hex').slice(0, 20);
}

/**
 * The markers the report flags: every marker the clarifications gate's
 * `no-unresolved-clarifications` rule reported, so a rule turned off opens no issue.
 */
export function collectMarkers(files: readonly SourceFile[], report: Report): ClarificationMarker[] {
  const findings = report.gates.flatMap((gate) => gate.findings).filter((f) => f.rule === RULE);
  const flagged = new Set(findings.map((f) => `${f.path}:${f.line}`));
  const paths = new Set(findings.map((f) => f.path));
  const markers: ClarificationMarker[] = [];
  for (const file of files) {
    if (typeof file.content !== 'string' || !paths.has(file.path)) continue;
    const document = toDocument(file.path, file.content);
    for (const marker of findClarificationMarkers(document)) {
      if (!flagged.has(`${file.path}:${marker.line}`)) continue;
      markers.push({ path: file.path, feature: document.feature, line: marker.line, question: marker.question, key: markerKey(file.path, marker.question) });
    }
  }
  const seen = new Set<string>();
  return markers.filter((marker) => !seen.has(marker.key) && seen.add(marker.key)).sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
}
