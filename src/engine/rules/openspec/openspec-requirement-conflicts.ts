import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { mainRequirements, openspecPlace, readDelta, readLines, type DeltaEntry } from './parse.js';

/**
 * One requirement, one operation: in a change's delta spec no requirement is named twice in
 * one section, or in two of ADDED, MODIFIED and REMOVED, and no rename's old name is also
 * MODIFIED or REMOVED (nor its new name ADDED); in a main spec no requirement name repeats.
 * Each conflict is one finding, at the later of its two lines.
 */
export default defineRule({
  meta: {
    id: 'openspec-requirement-conflicts',
    gate: 'consistency',
    description: 'An OpenSpec requirement is named once per spec and gets one operation per change (not both MODIFIED and REMOVED).',
    kinds: ['spec'],
    families: ['openspec'],
    severity: 'error',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    const place = openspecPlace(document.path);
    if (!place || place.type === 'change-file') return;
    const read = readLines(document);
    if (place.type === 'main-spec') {
      const seen = new Map<string, number>();
      for (const block of mainRequirements(read)) {
        const first = seen.get(block.name);
        if (first === undefined) seen.set(block.name, block.line);
        else report({ line: block.line, message: `Unexpected second requirement \`${block.name}\` (first on line ${first}), expected each requirement name once` });
      }
      return;
    }
    if (place.archived) return;
    const delta = readDelta(read);
    const entries: DeltaEntry[] = [
      ...delta.added, ...delta.modified, ...delta.removed,
      ...delta.renamed.map((rename) => ({ operation: 'RENAMED' as const, name: rename.from, line: rename.fromLine })),
    ].sort((a, b) => a.line - b.line);
    // Names match exactly, as OpenSpec matches them; a rename's old name also in case and spacing variants.
    const fold = (name: string): string => name.toLowerCase().replace(/\s+/g, ' ');
    // Adding a requirement under a name another is renamed away from is no conflict.
    const same = (a: DeltaEntry, b: DeltaEntry): boolean => {
      const operations = new Set([a.operation, b.operation]);
      if (operations.has('RENAMED') && operations.has('ADDED')) return false;
      return operations.has('RENAMED') ? fold(a.name) === fold(b.name) : a.name === b.name;
    };
    for (const entry of entries) {
      const earlier = entries.find((other) => other.line < entry.line && same(other, entry));
      if (!earlier) continue;
      if (earlier.operation === entry.operation) {
        report({ line: entry.line, message: `Unexpected requirement \`${entry.name}\` twice in ${entry.operation} (first on line ${earlier.line}), expected each requirement once per section` });
      } else {
        report({ line: entry.line, message: `Unexpected requirement \`${entry.name}\` both ${earlier.operation} (line ${earlier.line}) and ${entry.operation}, expected one operation per requirement` });
      }
    }
    const added = new Map(delta.added.map((entry) => [entry.name, entry.line]));
    const targets = new Map<string, number>();
    for (const rename of delta.renamed) {
      const addedAt = added.get(rename.to);
      if (addedAt !== undefined) report({ line: Math.max(rename.toLine, addedAt), message: `Unexpected requirement \`${rename.to}\` both RENAMED TO and ADDED, expected one of them` });
      const firstTo = targets.get(rename.to);
      if (firstTo !== undefined) report({ line: rename.toLine, message: `Unexpected second rename to \`${rename.to}\` (first on line ${firstTo}), expected each new name once` });
      else targets.set(rename.to, rename.toLine);
    }
  },
});
