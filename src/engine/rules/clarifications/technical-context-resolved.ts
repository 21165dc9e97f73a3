import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { findClarificationMarkers, findStaleClarificationMarkers } from './find-clarification-markers.js';
import { researchResolvedLines, technicalContextSections } from './research-resolved.js';

// `**Language/Version**: value` and `- **Language/Version:** value`.
const FIELD = /^\s*(?:[-*+]\s+)?\*\*([^*]+?)[:：]?\*\*\s*[:：]?\s*(.*)$/;

const TOKEN = /NEEDS[ \t_-]*CLARIFICATION/;
// The template's unfilled value: `[e.g., Python 3.11 ... or NEEDS CLARIFICATION]`.
const TEMPLATE_VALUE = /\[[^\]]*\bor\s+NEEDS[ \t_-]*CLARIFICATION\s*\]/i;
// Lines that talk about the token rather than leave a field open.
const MENTION = /\bresolved\b|\bresolve\b|\bscan for\b|\bmarked as\b|\bno (open |remaining )?`?NEEDS/i;

/**
 * A plan's Technical Context is what Phase 0 research starts from: a field still reading
 * `NEEDS CLARIFICATION`, or still the template's `[e.g., ... or NEEDS CLARIFICATION]`, is unresolved.
 */
export default defineRule({
  meta: {
    id: 'technical-context-resolved',
    gate: 'clarifications',
    description: 'The plan\'s Technical Context has no field left at `NEEDS CLARIFICATION`.',
    kinds: ['plan'],
    severity: 'error',
    options: z.strictObject({}),
    // It names the field and why it matters; the generic placeholder rules say less about the same value.
    supersedes: ['no-template-residue', 'no-placeholder-values'],
  },
  check({ document, feature, report }) {
    // An actionable marker is the `no-unresolved-clarifications` rule's to report, a stale one `no-stale-clarifications`'.
    const markerLines = new Set([...findClarificationMarkers(document), ...findStaleClarificationMarkers(document)].map((marker) => marker.line));
    // Once `research.md` exists, Phase 0 has answered what the Technical Context asked
    // (but an unfilled template value was never a question).
    const answered = researchResolvedLines(document, feature);
    for (const section of technicalContextSections(document)) {
      let field = '';
      for (let line = section.line + 1; line <= section.endLine; line++) {
        const text = document.prose[line - 1] ?? '';
        const parsed = FIELD.exec(text);
        if (parsed) field = parsed[1]!.trim();
        if (!TOKEN.test(text) || markerLines.has(line) || MENTION.test(text)) continue;
        const name = field ? `field \`${field}\`` : 'entry';
        const template = TEMPLATE_VALUE.exec(text);
        if (!template && answered.has(line)) continue;
        report({
          line,
          ...(template ? { residue: true } : {}),
          message: template
            ? `Unexpected template value \`${template[0]}\` in Technical Context ${name}, expected a concrete value`
            : `Unexpected \`NEEDS CLARIFICATION\` in Technical Context ${name}, expected the value resolved by Phase 0 research`,
        });
      }
    }
  },
});
