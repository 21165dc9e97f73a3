import { z } from 'zod';
import { defineRule } from '../../rule.js';
import { KINDS } from '../../types.js';
import { brokenFences, type BrokenFence } from './fences.js';

/**
 * Code fences close where their author meant: a fence that never closes turns the rest of
 * its container into code, and a nested fence as long as its outer one closes it early, so
 * the outer's own closing fence opens a block that swallows what follows. One finding at
 * the opening fence, naming what it swallows; the block a nested fence's closer opens is
 * part of that one finding.
 */
export default defineRule({
  meta: {
    id: 'no-broken-fences',
    gate: 'completeness',
    description: 'Every code fence closes, and a fence nested in another is shorter than it.',
    kinds: KINDS,
    severity: 'warning',
    options: z.object({}).strict(),
  },
  check({ document, report }) {
    for (const fence of brokenFences(document)) if (!fence.follows) report({ line: fence.line, endLine: fence.endLine, message: describe(fence) });
  },
});

function describe(fence: BrokenFence): string {
  const info = fence.opener.replace(/^[`~]+/, '').trim();
  const opener = info ? `\`${info}\` fence` : 'fence';
  if (fence.kind === 'nested') {
    return `Unexpected nested fence at line ${fence.innerLine!} closing the ${opener} opened here early, expected the outer fence longer than the inner one`;
  }
  const swallowed = fence.swallowed.length > 0
    ? `, which hides ${fence.swallowed.length} heading, checkbox or clarification line${fence.swallowed.length === 1 ? '' : 's'} (first at line ${fence.swallowed[0]!})`
    : '';
  return `Unexpected ${opener} never closed (it runs to line ${fence.endLine}${swallowed}), expected a closing fence`;
}
