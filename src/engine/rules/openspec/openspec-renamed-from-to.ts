import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { openspecPlace, readDelta, readLines } from './parse.js';

/**
 * A rename under `## RENAMED Requirements` is a `FROM: ### Requirement: Old` line followed by
 * its `TO: ### Requirement: New` line. A FROM without its TO, a TO without a FROM, and a
 * RENAMED section with text but no pair (an arrow, a table) are findings: OpenSpec renames
 * nothing from them.
 */
export default defineRule({
  meta: {
    id: 'openspec-renamed-from-to',
    gate: 'completeness',
    description: 'An OpenSpec rename is a `FROM: ### Requirement: Old` line followed by `TO: ### Requirement: New`.',
    kinds: ['spec'],
    families: ['openspec'],
    severity: 'error',
    options: z.strictObject({}),
    supersedes: ['openspec-change-has-deltas'],
  },
  check({ document, report }) {
    const place = openspecPlace(document.path);
    if (place?.type !== 'delta-spec' || place.archived) return;
    const read = readLines(document);
    const delta = readDelta(read);
    for (const unpaired of delta.unpaired) {
      report({
        line: unpaired.line,
        message: unpaired.side === 'FROM'
          ? `Unexpected \`FROM: ### Requirement: ${unpaired.name}\` without a TO line after it, expected \`TO: ### Requirement: <new name>\` on the next entry`
          : `Unexpected \`TO: ### Requirement: ${unpaired.name}\` without a FROM line before it, expected \`FROM: ### Requirement: <old name>\` first`,
      });
    }
    for (const section of delta.sections) {
      if (section.operation !== 'RENAMED') continue;
      const inside = (line: number): boolean => line > section.line && line <= section.endLine;
      if (delta.renamed.some((rename) => inside(rename.fromLine)) || delta.unpaired.some((entry) => inside(entry.line))) continue;
      const written = document.lines.slice(section.line, section.endLine).some((line, index) => !read.fenced[section.line + index] && line.trim() !== '' && !/^<!--.*-->$/.test(line.trim()));
      if (written) report({ line: section.line, message: 'Unexpected `## RENAMED Requirements` without a rename, expected `- FROM: ### Requirement: Old` followed by `- TO: ### Requirement: New`' });
    }
  },
});
