import type { Document } from '../../types.js';
import { matchList } from '../../markdown/matches.js';

// spec-kit's Complexity Tracking is "Fill ONLY if Constitution Check has violations": its
// example rows are left in place by most filled plans, and whether they justify anything
// is the constitution gate's question. Leftovers there are not an unfinished document.
const OPTIONAL_SECTION =
  /^(?:complexity tracking\b|复杂度追踪|复杂度跟踪|複雑性(?:の)?(?:追跡|トラッキング)|rastreamento de complexidade|acompanhamento de complexidade|seguimiento de complejidad|отслеживание сложности)/i;
// Its table, also when the heading was deleted and the table left: `| Violation | Why Needed | ... |`.
const OPTIONAL_TABLE = /^violation$/i;

/** Lines (1-based) that residue rules skip: the bodies of optional template sections. */
export function optionalLines(document: Document): Set<number> {
  const skip = new Set<number>();
  for (const section of document.sections) {
    if (!OPTIONAL_SECTION.test(section.title.trim())) continue;
    for (let line = section.line; line <= section.endLine; line++) skip.add(line);
  }
  for (const table of document.tables) {
    if (!OPTIONAL_TABLE.test(table.header.cells[0]?.replace(/\*\*|__/g, '').trim() ?? '')) continue;
    for (const row of table.rows) skip.add(row.line);
  }
  return skip;
}

/**
 * Every match of a global regex in the document's prose, with 1-based line and column.
 * `needles`, when given, are strings one of which every match contains: lines holding none
 * are not searched (a long alternation costs far more per line than `includes`).
 */
export function proseMatches(document: Document, pattern: RegExp, needles?: readonly string[]): Array<{ line: number; column: number; text: string }> {
  const found: Array<{ line: number; column: number; text: string }> = [];
  document.prose.forEach((text, index) => {
    if (needles && !needles.some((needle) => text.includes(needle))) return;
    for (const match of matchList(text, pattern)) found.push({ line: index + 1, column: match.index + 1, text: match[0] });
  });
  return found;
}
