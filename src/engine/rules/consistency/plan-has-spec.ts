import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { candidates, HEAD_LINES, rootsOf, target } from './plan-spec-link-resolves.js';

const TEMPLATE_LINK = /\*\*(?:Spec|Input)\*\*\s*[:：].*(?:\[link\]|\[###-feature-name\])/i;

/**
 * A spec-kit plan's feature folder holds its spec. A plan whose header links a spec
 * elsewhere is left to `plan-spec-link-resolves`, which decides whether that spec exists.
 */
export default defineRule({
  meta: {
    id: 'plan-has-spec',
    gate: 'consistency',
    description: 'A spec-kit plan\'s feature folder holds its spec.',
    kinds: ['plan'],
    families: ['speckit-gen1', 'speckit-gen2', 'speckit-epic'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, feature, tree, paths, report }) {
    if (!document.feature) return;
    if (feature.some((other) => other.kind === 'spec')) return;
    const expected = `${document.feature}/spec.md`;
    if (tree?.has(expected)) return;
    const roots = rootsOf(paths);
    const links = document.lines.slice(0, HEAD_LINES).some((line, index) => {
      if (!document.prose[index]?.trim()) return false;
      const raw = target(line);
      return raw !== undefined && candidates(document, raw, roots).length > 0;
    });
    if (links) return;
    // A plan that is still the template (`**Spec**: [link]`) lacks a spec because it was never started: its
    // finding folds into `unfilled-template`'s.
    const template = document.lines.slice(0, HEAD_LINES).some((line) => TEMPLATE_LINK.test(line));
    report({ line: 1, ...(template ? { residue: true } : {}), message: `Missing spec \`${expected}\` beside the plan, expected the feature folder to hold the spec the plan implements` });
  },
});
