import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { CONSTITUTION_CHECK, bodyLines, isBoilerplate, sectionsTitled } from './plan-sections.js';
import { VERDICT_PLACEHOLDER, readGateLines } from './verdicts.js';
import { matchList } from '../../markdown/matches.js';

/**
 * A Constitution Check that still holds the template's placeholder (`[Gates determined based
 * on constitution file]`, `[OK / NEEDS REVIEW – reason]`) or nothing at all was never done.
 * Any recognisable verdict (✅, `→ PASS`, a status table, checkboxes, OK, 通过, ...) fills it.
 */
export default defineRule({
  meta: {
    id: 'constitution-check-filled',
    gate: 'constitution',
    description: 'The plan\'s Constitution Check states a verdict for its gates instead of template placeholders.',
    kinds: ['plan'],
    families: ['speckit-gen1', 'speckit-gen2', 'speckit-epic', 'generic'],
    severity: 'error',
    options: z.strictObject({}),
    // More specific than the generic placeholder rule: it names the section and asks for a verdict.
    supersedes: ['no-placeholder-values'],
  },
  check({ document, report }) {
    const sections = sectionsTitled(document, CONSTITUTION_CHECK);
    if (sections.length === 0) return;
    const lines = bodyLines(document, sections);
    let placeholders = 0;
    for (const line of lines) {
      for (const match of matchList(document.prose[line - 1] ?? '', VERDICT_PLACEHOLDER)) {
        placeholders++;
        report({
          line,
          column: match.index + 1,
          message: `Unexpected template placeholder \`${match[0]}\` in Constitution Check, expected a verdict such as \`PASS\` or \`FAIL\``,
          residue: true,
        });
      }
    }
    if (placeholders > 0 || readGateLines(document, lines).length > 0) return;
    const first = sections[0]!;
    const empty = lines.every((line) => isBoilerplate(document.prose[line - 1] ?? ''));
    if (empty) {
      report({ line: first.line, message: `Missing content in \`${first.title}\`, expected a verdict for each constitution gate` });
    }
  },
});
