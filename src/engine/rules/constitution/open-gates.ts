import type { Document } from '../../types.js';
import { readComplexityRows } from './complexity-rows.js';
import { CONSTITUTION_CHECK, bodyLines, sectionsTitled } from './plan-sections.js';
import { readGateLines, type GateLine, type Verdict } from './verdicts.js';

/** Gates of the plan's constitution check with this verdict that nothing justifies. */
export interface OpenGates {
  gates: GateLine[];
  /** Whether the plan has a Complexity Tracking section (filled or not). */
  tracking: boolean;
}

/**
 * Gates judged `verdict` and not justified on their own line, unless Complexity Tracking holds
 * a filled row. Rows cannot be matched to gates reliably, so any real row counts for all.
 */
export function openGates(document: Document, verdict: Exclude<Verdict, 'pass'>): OpenGates {
  const sections = sectionsTitled(document, CONSTITUTION_CHECK);
  if (sections.length === 0) return { gates: [], tracking: false };
  const gates = readGateLines(document, bodyLines(document, sections)).filter((gate) => gate.verdict === verdict && !gate.justified);
  if (gates.length === 0) return { gates, tracking: false };
  const rows = readComplexityRows(document);
  return { gates: rows.filled.length > 0 ? [] : gates, tracking: rows.present };
}
