import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { deltaOperation, isRequirementHeading, mainRequirements, openspecPlace, readLines, requirementsSection } from './parse.js';

/**
 * A main spec (`openspec/specs/<capability>/spec.md`) has a filled `## Purpose` and a
 * `## Requirements` section holding at least one `### Requirement:`; delta sections
 * (`## ADDED Requirements`, ...) belong in a change, and a requirement heading outside
 * `## Requirements` is one OpenSpec never reads.
 */
export default defineRule({
  meta: {
    id: 'openspec-spec-sections',
    gate: 'completeness',
    description: 'An OpenSpec main spec has a filled `## Purpose` and a `## Requirements` section with requirements, and no delta sections.',
    kinds: ['spec'],
    families: ['openspec'],
    severity: 'error',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    if (openspecPlace(document.path)?.type !== 'main-spec') return;
    const read = readLines(document);
    const purpose = purposeSection(document.lines, read.fenced);
    if (!purpose) report({ line: 1, message: 'Unexpected main spec without a `## Purpose` section, expected `## Purpose` saying what the capability is for' });
    else if (purpose.empty) report({ line: purpose.line, message: 'Unexpected empty `## Purpose` section, expected a sentence saying what the capability is for' });
    const requirements = requirementsSection(read);
    if (!requirements) report({ line: 1, message: 'Unexpected main spec without a `## Requirements` section, expected `## Requirements` holding `### Requirement: <name>` blocks' });
    else if (mainRequirements(read).length === 0) {
      report({ line: requirements.line, message: 'Unexpected `## Requirements` without a requirement, expected at least one `### Requirement: <name>`' });
    }
    for (const section of read.sections) {
      if (!deltaOperation(section.title)) continue;
      report({ line: section.line, message: `Unexpected delta section \`## ${section.title}\` in a main spec, expected requirements under \`## Requirements\` (delta sections belong in openspec/changes/<id>/specs/)` });
    }
    for (let index = 0; index < document.lines.length; index += 1) {
      if (!isRequirementHeading(read, index)) continue;
      const line = index + 1;
      if (requirements && line > requirements.line && line <= requirements.endLine) continue;
      if (read.sections.some((section) => deltaOperation(section.title) && line > section.line && line <= section.endLine)) continue;
      report({ line, message: `Unexpected \`${document.lines[index]!.trim()}\` outside \`## Requirements\`, expected it under \`## Requirements\` (OpenSpec reads requirements only there)` });
    }
  },
});

/** The first heading titled Purpose (any level, as OpenSpec finds it) and whether its body is empty. */
function purposeSection(lines: readonly string[], fenced: readonly boolean[]): { line: number; empty: boolean } | undefined {
  for (let index = 0; index < lines.length; index += 1) {
    const match = fenced[index] ? null : /^(#{1,6})\s+(.+)$/.exec(lines[index]!);
    if (!match || !/^purpose$/i.test(match[2]!.trim())) continue;
    const level = match[1]!.length;
    let empty = true;
    for (let next = index + 1; next < lines.length; next += 1) {
      const heading = fenced[next] ? null : /^(#{1,6})\s+/.exec(lines[next]!);
      if (heading && heading[1]!.length <= level) break;
      if (lines[next]!.trim() !== '') empty = false;
    }
    return { line: index + 1, empty };
  }
  return undefined;
}
