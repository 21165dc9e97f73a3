import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';

/**
 * A family may require checklist files beside its plan (the epic variant names
 * `checklists/requirements.md` and `checklists/PlanQualityGate.md`). Existence is looked
 * up in the repository tree when the shell knows it, else among the documents of the run.
 */
export default defineRule({
  meta: {
    id: 'required-checklists-present',
    gate: 'checklists',
    description: 'The checklist files a family requires exist in the plan\'s feature folder.',
    kinds: ['plan'],
    severity: 'error',
    options: z.strictObject({ files: z._default(z.array(z.string().check(z.minLength(1))), []) }),
  },
  check({ document, all, tree, options, report }) {
    if (document.feature === '' || options.files.length === 0) return;
    const known = new Set<string>([...(tree ?? []), ...all.map((d) => d.path)].map((p) => p.toLowerCase()));
    for (const file of options.files) {
      const path = `${document.feature}/${file}`;
      if (known.has(path.toLowerCase())) continue;
      const name = file.split('/').at(-1) ?? file;
      const mention = document.lines.findIndex((line) => line.includes(name));
      report({
        line: mention >= 0 ? mention + 1 : 1,
        message: `Missing required checklist \`${path}\`, expected it in the feature folder of this plan`,
      });
    }
  },
});
