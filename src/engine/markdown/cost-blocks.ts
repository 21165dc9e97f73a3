import { opened, reach, skipAtMost, step, THEMATIC, type Container, type Cursor } from './block-prefix.js';

/**
 * What the block parser spends, estimated one line at a time with a simplified model of
 * CommonMark's containers (block quotes and list items). Costs are in the same units as
 * `cost-inline.ts`. Measured in micromark 4 and mdast-util-from-markdown 2:
 * - every list item, table row and footnote definition costs about 120 units (a tokenizer each);
 * - closing a list or quote after a paragraph, and every setext heading, copies every event
 *   of the document so far (`EditMap.consume`), so a thousand `- a`/`b` pairs are quadratic;
 * - a list re-walks the events of everything nested in it (`prepareList`), so cost grows
 *   with depth × content;
 * - each lazy continuation line walks back over its paragraph's events.
 * The model errs towards overestimating: it only decides whether to parse at all.
 */
export interface BlockCounts {
  items: number;
  paragraphs: number;
  rows: number;
  cells: number;
  closes: number;
  setext: number;
  lazy: number;
  maxDepth: number;
}


const BLOCK_UNIT = 120;
const HEADING_UNIT = 100;
const PARAGRAPH_UNIT = 150;
const CELL_UNIT = 50;
const HARD_BREAK_UNIT = 50;
const LINE_UNIT = 40;
const CONTINUE_UNIT = 16;
const FOOTNOTE_UNIT = 250;
const COPY_UNIT = 0.15;
const NEST_UNIT = 0.1;
const LAZY_UNIT = 0.3;

const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const DEFINITION = /^ {0,3}\[(\^?)[^\]]*\]:/;
const INTERRUPTS = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|(?:=+|-+)[ \t]*$|[-*_](?:[ \t]*[-*_]){2,}[ \t]*$)/;
const BLOCK_START = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|<)/;

/** Tracks containers line by line and sums their estimated cost. */
export class BlockCounter {
  readonly counts: BlockCounts = { items: 0, paragraphs: 0, rows: 0, cells: 0, closes: 0, setext: 0, lazy: 0, maxDepth: 0 };
  /** Estimated cost by cause. */
  readonly parts = { blocks: 0, copies: 0, nesting: 0, lazy: 0, lines: 0 };
  total = 0;
  private readonly stack: Container[] = [];
  private events = 0;
  private paragraph = false;
  private paragraphLines = 0;
  private fence: { close: RegExp; depth: number } | undefined;

  /**
   * Counts one line (no newline). Returns whether it starts a new inline context (a
   * paragraph, heading or table row) rather than continuing the open paragraph; call
   * {@link nest} next with its count of inline triggers.
   */
  line(line: string): boolean {
    const before = this.paragraph;
    const cursor: Cursor = { line, at: 0, column: 0 };
    const matched = this.continued(cursor);
    if (this.fence && matched >= this.fence.depth) {
      if (this.fence.close.test(line.slice(cursor.at))) this.fence = undefined;
      this.paragraph = false;
      return true;
    }
    this.fence = undefined;
    const openers = opened(cursor);
    const rest = line.slice(cursor.at);
    const blank = rest.trim() === '';
    if (matched < this.stack.length) this.unmatched({ matched, openers, rest, blank });
    if (openers.length > 0) this.paragraph = false;
    this.stack.push(...openers);
    for (const opener of openers) this.add('blocks', opener.footnote ? FOOTNOTE_UNIT : BLOCK_UNIT);
    this.counts.items += openers.length;
    this.counts.maxDepth = Math.max(this.counts.maxDepth, this.stack.length);
    this.leaf(rest, blank, openers.length > 0);
    // Lines that cannot interrupt a paragraph (`2.` items, empty items, definitions) stay in its inline context.
    return !before || blank || openers.some((opener) => opener.interrupts) || !this.paragraph || INTERRUPTS.test(rest);
  }

  /** Adds the cost of the line just counted; `triggers` is its number of inline construct starts. */
  nest(triggers: number): void {
    let items = 0;
    for (const container of this.stack) if (!container.quote) items++;
    this.events += 4 + 2 * this.stack.length;
    this.add('lines', LINE_UNIT + this.stack.length * CONTINUE_UNIT);
    this.add('nesting', items * (4 + 2 * this.stack.length + 2 * triggers) * NEST_UNIT);
  }

  private continued(cursor: Cursor): number {
    let matched = 0;
    const blank = cursor.line.trim() === '';
    for (const container of this.stack) {
      if (container.quote) {
        const before = { ...cursor };
        if (!skipAtMost(cursor, 3) || cursor.line.charCodeAt(cursor.at) !== 62) {
          Object.assign(cursor, before);
          break;
        }
        step(cursor, 1);
        if (cursor.line.charCodeAt(cursor.at) === 32) step(cursor, 1);
      } else if (!blank && !reach(cursor, container.column)) break;
      matched++;
    }
    return matched;
  }

  private unmatched({ matched, openers, rest, blank }: { matched: number; openers: Container[]; rest: string; blank: boolean }): void {
    if (openers.length === 0 && !blank && this.paragraph && !BLOCK_START.test(rest) && !THEMATIC.test(rest)) {
      this.counts.lazy++;
      this.add('lazy', this.paragraphLines * LAZY_UNIT);
      return;
    }
    // A new item replacing its sibling closes nothing; anything deeper is closed.
    const sibling = openers[0] && !openers[0].quote && !this.stack[matched]!.quote ? 1 : 0;
    if (this.stack.length - matched > sibling) this.copyEvents('closes');
    this.stack.length = matched;
    this.paragraph = false;
  }

  private leaf(rest: string, blank: boolean, opened: boolean): void {
    const fence = FENCE.exec(rest);
    if (blank || THEMATIC.test(rest)) {
      if (this.paragraph && !opened && SETEXT.test(rest)) this.copyEvents('setext');
      this.paragraph = false;
    } else if (fence) {
      const marker = fence[1]!;
      this.fence = { close: new RegExp(`^ {0,3}\\${marker[0]}{${marker.length},}[ \\t]*$`), depth: this.stack.length };
      this.paragraph = false;
    } else if (this.paragraph && !opened && SETEXT.test(rest)) {
      this.copyEvents('setext');
      this.paragraph = false;
    } else if (HEADING.test(rest)) {
      this.counts.paragraphs++;
      this.add('blocks', HEADING_UNIT);
      this.paragraph = false;
    } else {
      this.textLine(rest);
      if (!this.paragraph) {
        this.paragraphLines = 0;
        this.counts.paragraphs++;
        this.add('blocks', PARAGRAPH_UNIT);
      }
      this.paragraph = true;
      this.paragraphLines++;
    }
  }

  /** Table rows (a cell each per `|`), definitions and hard line breaks cost beyond their characters. */
  private textLine(rest: string): void {
    const pipes = rest.split('|').length - 1;
    const definition = DEFINITION.exec(rest);
    if (pipes > 0 || definition) {
      this.counts.rows++;
      this.counts.cells += pipes;
      this.add('blocks', (definition?.[1] ? FOOTNOTE_UNIT : BLOCK_UNIT) + pipes * CELL_UNIT);
    }
    if (rest.endsWith('  ') || rest.endsWith('\\')) this.add('lines', HARD_BREAK_UNIT);
  }

  private copyEvents(kind: 'closes' | 'setext'): void {
    this.counts[kind]++;
    this.add('copies', this.events * COPY_UNIT);
  }

  private add(part: keyof BlockCounter['parts'], cost: number): void {
    this.parts[part] += cost;
    this.total += cost;
  }
}
