import { BlockCounter } from './cost-blocks.js';
import { costOf, describeInline, InlineCounter } from './cost-inline.js';

/**
 * The markdown parser (micromark + mdast-util-from-markdown) has costs super-linear in
 * some shapes of input and a large constant in others: a megabyte of `- a` lines, of
 * nested lists, of `` * `c` `` or of `[x` takes from seconds to minutes. The estimate
 * below is linear in the text and errs high (real documents come out at 0.5 to 0.9 times
 * their measured cost); a text over the budget, about 0.8 s of parsing on a 2-core machine
 * and twice the costliest of 2,000 real documents, is scanned line by line instead
 * (`scan-lines.ts`) and reported. See `cost-inline.ts` and `cost-blocks.ts` for the model.
 */
export const PARSE_BUDGET = 800_000;
const MAX_DEPTH = 100;

/** Why a text is too costly to parse, with the line where the costly block starts. */
export interface Pathology {
  line: number;
  reason: string;
}

/** An estimate of the parser's work, in units of about a microsecond on the machine it was measured on. */
export interface CostEstimate {
  total: number;
  parts: Record<string, number>;
  /** Set when the estimate went over the budget or nesting too deep: where, and why. */
  pathology?: Pathology;
}

/** Finds a block whose parse would take super-linear time or blow the stack; linear in the text. */
export function findPathology(text: string): Pathology | undefined {
  return estimateParseCost(text, PARSE_BUDGET).pathology;
}

/** Estimates the parser's work on `text`, stopping at the line where it goes over `budget`. */
export function estimateParseCost(text: string, budget = Infinity): CostEstimate {
  const inline = new InlineCounter();
  const blocks = new BlockCounter();
  const total = (end: number): number => inline.total + inline.pending().cost + blocks.total + end;
  const estimate = (end: number, pathology?: Pathology): CostEstimate => ({
    total: total(end),
    parts: { bytes: end, ...inline.parts, ...blocks.parts },
    ...(pathology ? { pathology } : {}),
  });
  let blockLine = 1;
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (blocks.line(text.slice(start, end))) {
      inline.close(start);
      if (total(start) > budget) return estimate(start, { line: blockLine, reason: describe(inline, blocks, line) });
      blockLine = line;
    }
    if (blocks.counts.maxDepth > MAX_DEPTH) return estimate(end, { line, reason: `lists, blockquotes or footnotes nested more than ${MAX_DEPTH} deep` });
    blocks.nest(inline.line(text, start, end));
    if (end === text.length) inline.close(end);
    if (total(end) > budget) return estimate(end, { line: blockLine, reason: describe(inline, blocks, line) });
    start = end + 1;
  }
  return estimate(text.length);
}

/** The estimate's largest part, in words a writer can act on. */
function describe(inline: InlineCounter, blocks: BlockCounter, lines: number): string {
  const { counts, parts } = blocks;
  const open = inline.pending();
  const paragraph = open.cost > costOf(inline.worst) ? open.counts : inline.worst;
  const nested = counts.maxDepth > 0 ? `, up to ${counts.maxDepth} lists or quotes deep` : '';
  const causes: Array<[number, string]> = [
    [costOf(paragraph), describeInline(paragraph)],
    [parts.blocks, `${counts.items} list items or quotes, ${counts.paragraphs} paragraphs or headings, ${counts.rows} table rows or definitions and ${counts.cells} table cells`],
    [parts.copies, `${counts.closes} lists or quotes ended and ${counts.setext} setext headings in ${lines} lines, each re-reading the document so far`],
    [parts.nesting, `lists nested up to ${counts.maxDepth} deep around ${lines} lines`],
    [parts.lazy, `${counts.lazy} lazy continuation lines`],
    [inline.parts.punctuation, `${inline.triggers} inline markup characters`],
    [parts.lines, `${lines} lines${nested}`],
  ];
  causes.sort((a, b) => b[0] - a[0]);
  return causes[0]![1];
}
