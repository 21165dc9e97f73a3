import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import type { Document } from '../../types.js';
import { changeDeltaSpecs, deltaOperation, hasEntries, isRequirementHeading, openspecPlace, readDelta, readLines } from './parse.js';

/**
 * An active change carries at least one delta: a requirement under `## ADDED|MODIFIED|REMOVED
 * Requirements` or a rename under `## RENAMED Requirements` in `specs/<capability>/spec.md`.
 * A delta spec with no delta entry is reported in that file (at a `## Requirements` written
 * where `## ADDED Requirements` was meant, or at its delta headings); a change with no delta
 * spec at all is reported in its proposal, unless the proposal says the change has none. A
 * delta spec with entries that also holds requirements outside its delta sections is reported
 * at the section holding them: OpenSpec ignores those.
 */
const SAYS_NO_DELTAS = /\bskip_specs\b|\bno (?:spec(?:ification)?|requirements?|delta|behaviou?r)(?:[- ](?:level|spec))?[- ]?(?:changes?|deltas?)\b|\bno (?:changes?|deltas?) to (?:the )?(?:specs?|specifications?|requirements?)\b/i;

export default defineRule({
  meta: {
    id: 'openspec-change-has-deltas',
    gate: 'completeness',
    description: 'An OpenSpec change has at least one delta requirement, and each delta spec holds a delta section with entries.',
    kinds: ['spec', 'proposal'],
    families: ['openspec'],
    severity: 'error',
    options: z.strictObject({}),
  },
  check({ document, all, report }) {
    const place = openspecPlace(document.path);
    if (!place || place.type === 'main-spec' || place.archived) return;
    if (place.type === 'delta-spec') {
      checkDeltaSpec(document, report);
      return;
    }
    if (place.file !== 'proposal.md') return;
    if (changeDeltaSpecs(all, place.root, place.change, false).length > 0) return;
    if (SAYS_NO_DELTAS.test(document.text)) return;
    const what = readLines(document).sections.find((section) => /^What Changes$/i.test(section.title));
    report({ line: what?.line ?? 1, message: 'Unexpected change without a delta spec, expected `specs/<capability>/spec.md` with `## ADDED Requirements` (or MODIFIED, REMOVED, RENAMED), or a proposal saying the change has no spec changes' });
  },
});

function checkDeltaSpec(document: Document, report: (finding: { line: number; message: string }) => void): void {
  const read = readLines(document);
  const delta = readDelta(read);
  if (hasEntries(delta)) {
    reportIgnored(document, read, report);
    return;
  }
  const first = delta.sections[0];
  if (first) {
    const names = delta.sections.map((section) => `\`## ${section.title}\``).join(', ');
    report({ line: first.line, message: `Unexpected ${names} without a requirement entry, expected \`### Requirement: <name>\` blocks under ${delta.sections.length > 1 ? 'them' : 'it'}` });
    return;
  }
  const plain = read.sections.find((section) => /^Requirements$/i.test(section.title));
  if (plain) {
    report({ line: plain.line, message: 'Unexpected `## Requirements` in a change\'s delta spec, expected `## ADDED Requirements` (or MODIFIED, REMOVED, RENAMED): OpenSpec ignores requirements outside delta sections' });
    return;
  }
  report({ line: 1, message: 'Unexpected delta spec without a delta section, expected `## ADDED Requirements`, `## MODIFIED Requirements`, `## REMOVED Requirements` or `## RENAMED Requirements`' });
}

/**
 * In a delta spec that has delta entries, requirements written outside the delta sections (under
 * `## Notes`, above the first section): OpenSpec ignores them. One finding per section holding
 * them, at its heading (at the first of them above every section).
 */
function reportIgnored(document: Document, read: ReturnType<typeof readLines>, report: (finding: { line: number; message: string }) => void): void {
  const reported = new Set<number>();
  for (let index = 0; index < document.lines.length; index += 1) {
    if (!isRequirementHeading(read, index)) continue;
    const section = read.sections.filter((candidate) => candidate.line <= index + 1).at(-1);
    if (section && deltaOperation(section.title)) continue;
    const line = section?.line ?? index + 1;
    if (reported.has(line)) continue;
    reported.add(line);
    report({
      line,
      message: section
        ? `Unexpected \`### Requirement:\` under \`## ${section.title}\`, which is not a delta section, expected it under \`## ADDED Requirements\` (or MODIFIED, REMOVED): OpenSpec ignores it`
        : 'Unexpected `### Requirement:` above the first delta section, expected it under `## ADDED Requirements` (or MODIFIED, REMOVED): OpenSpec ignores it',
    });
  }
}
