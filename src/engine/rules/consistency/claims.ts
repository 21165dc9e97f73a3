import type { Checkbox, Document } from '../../types.js';
import { featureDocument } from './trace.js';

// `[NEEDS CLARIFICATION: …]`, `[**NEEDS CLARIFICATION**: …]`, `[NEEDS CLARIFICATION Q6: …]`; a bare `[NEEDS CLARIFICATION]` is a mention.
const MARKER = /\[\s*(?:\*+\s*)?NEEDS[ _]CLARIFICATION\s*(?:\*+\s*)?(?:[A-Za-z]*\d+\s*)?(?:\*+\s*)?[:：]/i;

const TEMPLATE_EXAMPLE = /NEEDS[ _]CLARIFICATION\s*[:：]\s*specific question\s*\]/i;

/** Lines of a document holding an open clarification marker in prose (headings and code never count). */
export function openMarkerLines(document: Document): number[] {
  const lines: number[] = [];
  document.prose.forEach((text, index) => {
    if (/^\s{0,3}#/.test(text)) return;
    // The Gen-1 template's own guidance (`Use [NEEDS CLARIFICATION: specific question] for …`) is an example, not a question.
    if (MARKER.test(text) && !TEMPLATE_EXAMPLE.test(text)) lines.push(index + 1);
  });
  return lines;
}

/** Checked checkboxes of a document whose text matches a claim. */
export function checkedClaims(document: Document, claim: RegExp): Checkbox[] {
  return document.checkboxes.filter((box) => box.checked && claim.test(box.text));
}

/** The first line of a list of marker lines, described for a message. */
export function describeMarkers(path: string, lines: readonly number[]): string {
  const count = `${lines.length} open \`[NEEDS CLARIFICATION: …]\` marker${lines.length === 1 ? '' : 's'}`;
  return `${count} in \`${path}\` (first at line ${lines[0]})`;
}

/** The feature's spec and the lines of its open markers, when it has any: what a plan's claims are checked against. */
export function specWithOpenMarkers(feature: readonly Document[]): { spec: Document; markers: number[] } | undefined {
  const spec = featureDocument(feature, 'spec', 'spec.md');
  const markers = spec ? openMarkerLines(spec) : [];
  return spec && markers.length > 0 ? { spec, markers } : undefined;
}
