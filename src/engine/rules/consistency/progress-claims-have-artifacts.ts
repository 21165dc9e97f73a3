import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { quote } from '../quote.js';

// The gen-1 plan template's Progress Tracking boxes and the files its `/plan` command writes for them.
// `contracts/` is not asked for: a feature without an API has none, and plans cite another feature's contracts.
const PHASES: ReadonlyArray<{ box: RegExp; files: readonly string[] }> = [
  { box: /^Phase 0:\s*Research complete\b/i, files: ['research.md'] },
  { box: /^Phase 1:\s*Design complete\b/i, files: ['data-model.md', 'quickstart.md'] },
];

/**
 * A gen-1 plan whose Progress Tracking checks `Phase 0: Research complete` or `Phase 1:
 * Design complete` claims the phase's output exists in the feature folder. Existence is
 * looked up in the repository tree when the shell knows it, else among the documents of
 * the feature. One finding per checked phase, at its box, naming the missing files.
 */
export default defineRule({
  meta: {
    id: 'progress-claims-have-artifacts',
    gate: 'consistency',
    description: 'A gen-1 plan that checks Phase 0 or Phase 1 complete in Progress Tracking has that phase\'s files (research.md; data-model.md, quickstart.md) in its feature folder.',
    kinds: ['plan'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, feature, tree, report }) {
    if (document.feature === '') return;
    const known = new Set([...(tree ?? []), ...feature.map((d) => d.path)].map((p) => p.toLowerCase()));
    for (const box of document.checkboxes) {
      if (!box.checked) continue;
      const text = box.text.replace(/[*_]/g, '').trim();
      const phase = PHASES.find((p) => p.box.test(text));
      if (!phase) continue;
      const missing = phase.files.filter((file) => !known.has(`${document.feature}/${file}`.toLowerCase()));
      if (missing.length === 0) continue;
      report({
        line: box.line,
        message: `Unexpected checked \`${quote(text)}\` without ${missing.map((f) => `\`${f}\``).join(' and ')} in \`${document.feature}/\`, expected the phase's output beside the plan`,
      });
    }
  },
});
