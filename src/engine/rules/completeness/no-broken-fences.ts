import * as z from 'zod/mini';
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
    options: z.strictObject({}),
  },
  check({ document, report }) {
    for (const fence of brokenFences(document)) if (!fence.follows) report({ line: fence.line, endLine: fence.endLine, message: describe(fence) });
  },
});

function describe(fence: BrokenFence): string {
  const info = fence.opener.replace(/^[`~]+/, '').trim();
  const opener = info ? `\`${info}\` fence` : 'fence';
  const hidden = fence.swallowed.length > 0
    ? `${fence.swallowed.length} heading, checkbox or clarification line${fence.swallowed.length === 1 ? '' : 's'} (first at line ${fence.swallowed[0]!})`
    : '';
  if (fence.innerLine !== undefined) {
    // A fence line inside a block is text; the inner block's closer closes this one. Either a closer
    // was forgotten before the inner fence, or the block was meant to nest it: the message names both fixes.
    return `Unexpected ${opener} closed early at line ${fence.endLine}: the fence at line ${fence.innerLine} inside it is text and its closer closes this one${hidden ? `, hiding ${hidden}` : ''}, expected a closing fence before line ${fence.innerLine} or, to nest it, an outer fence longer than the inner one`;
  }
  return `Unexpected ${opener} never closed (it runs to line ${fence.endLine}${hidden ? `, which hides ${hidden}` : ''}), expected a closing fence`;
}
