import { describe, expect, it } from '@jest/globals';
import { parseMarkdown } from '../../src/engine/markdown/parse.js';

// Each of these lines took seconds with GFM's autolink-literal extension, which scans
// back over the line for every candidate (`a,b ` × 17,500: about 13 s for one spec).
const LONG_LINES = [
  ['short words and commas', 'a,b '.repeat(17_500)],
  ['short words', 'why '.repeat(17_500)],
  ['dotted words', 'w.x '.repeat(17_500)],
  ['at signs', 'a@b '.repeat(17_500)],
] as const;

describe('parse cost', () => {
  it.each(LONG_LINES)('parses a 70,000-character line of %s in bounded time', (_shape, line) => {
    const started = performance.now();
    parseMarkdown(`# Spec\n\n- **FR-001**: System MUST [NEEDS CLARIFICATION: ${line}]\n`);
    // A hang guard, not a benchmark: the quadratic parse took 6 to 13 s here.
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('still reads the GFM parts rules use: tables, task lists, strikethrough, footnotes', () => {
    const parsed = parseMarkdown('| a | b |\n| - | - |\n| 1 | 2 |\n\n- [x] done ~~old~~[^1]\n\n[^1]: note\n');
    expect(parsed.tables).toHaveLength(1);
    expect(parsed.checkboxes).toEqual([expect.objectContaining({ checked: true, line: 5 })]);
    expect(parsed.blocks.map((block) => block.type)).toEqual(['table', 'list', 'footnoteDefinition']);
  });
});
