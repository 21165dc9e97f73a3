import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { openspecPlace, readLines } from './parse.js';

/**
 * An active change's `proposal.md` has a `## Why` of OpenSpec's own bounds (50 to 1,000
 * characters, trimmed) and a filled `## What Changes`.
 */
const MIN_WHY = 50;
const MAX_WHY = 1000;

export default defineRule({
  meta: {
    id: 'openspec-proposal-sections',
    gate: 'completeness',
    description: "An OpenSpec change's proposal has a `## Why` of 50 to 1,000 characters and a filled `## What Changes`.",
    kinds: ['proposal'],
    families: ['openspec'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    const place = openspecPlace(document.path);
    if (place?.type !== 'change-file' || place.archived || place.file !== 'proposal.md') return;
    const read = readLines(document);
    const body = (title: RegExp): { line: number; text: string } | undefined => {
      const section = read.sections.find((candidate) => title.test(candidate.title));
      if (!section) return undefined;
      return { line: section.line, text: document.lines.slice(section.line, section.endLine).join('\n').trim() };
    };
    const why = body(/^Why$/i);
    const what = body(/^What Changes$/i);
    if (!why && !what) {
      const written = read.sections.slice(0, 3).map((section) => `\`## ${section.title}\``).join(', ');
      report({ line: 1, message: `Unexpected proposal without \`## Why\` and \`## What Changes\`${written ? ` (it has ${written})` : ''}, expected OpenSpec's proposal sections: \`## Why\` (50 to 1,000 characters) and \`## What Changes\`` });
      return;
    }
    if (!why) report({ line: 1, message: 'Unexpected proposal without a `## Why` section, expected `## Why` giving the reason for the change (50 to 1,000 characters)' });
    else if (why.text.length < MIN_WHY) report({ line: why.line, message: `Unexpected \`## Why\` of ${why.text.length} characters, expected at least ${MIN_WHY}` });
    else if (why.text.length > MAX_WHY) report({ line: why.line, message: `Unexpected \`## Why\` of ${why.text.length} characters, expected at most ${MAX_WHY} (the detail belongs in design.md)` });
    if (!what) report({ line: 1, message: 'Unexpected proposal without a `## What Changes` section, expected `## What Changes` listing the changes' });
    else if (what.text === '') report({ line: what.line, message: 'Unexpected empty `## What Changes` section, expected the list of changes' });
  },
});
