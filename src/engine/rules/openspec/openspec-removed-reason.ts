import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { openspecPlace, readDelta, readLines } from './parse.js';

/**
 * A requirement under `## REMOVED Requirements` says why it goes (`**Reason**:`) and what its
 * users do instead (`**Migration**:`), as OpenSpec's template asks. One finding per removal,
 * naming what is missing.
 */
const REASON = /^\s*(?:[-*+]\s*)?(?:\*\*|__)?Reason(?:\*\*|__)?\s*:|^\s*(?:[-*+]\s*)?\*\*Reason:\*\*/i;
const MIGRATION = /^\s*(?:[-*+]\s*)?(?:\*\*|__)?Migration(?:\*\*|__)?\s*:|^\s*(?:[-*+]\s*)?\*\*Migration:\*\*/i;

export default defineRule({
  meta: {
    id: 'openspec-removed-reason',
    gate: 'completeness',
    description: 'An OpenSpec REMOVED requirement gives a `**Reason**` and a `**Migration**`.',
    kinds: ['spec'],
    families: ['openspec'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    const place = openspecPlace(document.path);
    if (place?.type !== 'delta-spec' || place.archived) return;
    const read = readLines(document);
    const delta = readDelta(read);
    delta.removed.forEach((entry, index) => {
      const section = delta.sections.find((candidate) => candidate.operation === 'REMOVED' && entry.line > candidate.line && entry.line <= candidate.endLine)!;
      const next = delta.removed[index + 1];
      const end = next && next.line <= section.endLine ? next.line - 1 : section.endLine;
      // Removals listed as bullets share the section's one Reason and Migration.
      const bullet = !/^\s*###/.test(document.lines[entry.line - 1]!);
      const from = bullet ? section.line : entry.line;
      const body = document.lines.slice(from, bullet ? section.endLine : end).filter((_, offset) => !read.fenced[from + offset]);
      const missing = [body.some((line) => REASON.test(line)) ? '' : '`**Reason**:`', body.some((line) => MIGRATION.test(line)) ? '' : '`**Migration**:`'].filter(Boolean);
      if (missing.length === 0) return;
      report({ line: entry.line, message: `Unexpected REMOVED requirement \`${entry.name}\` without ${missing.join(' and ')}, expected why it goes and what replaces it` });
    });
  },
});
