/**
 * Finds code spans and HTML comments inside one inline context (a paragraph, heading or
 * table row) in linear time, the way CommonMark resolves them: the leftmost construct
 * wins, a backtick run closes at the next run of the same length, `<!--` closes at the
 * first `-->` (`<!-->` and `<!--->` included), and an opener with no closer is text.
 */

/** Every offset where `needle` starts in `text`, ascending; one pass. */
export function findAll(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** Shared, ascending cursors into the offsets of `<!--` and `-->`, so contexts scanned in order cost linear time. */
export interface CommentIndex {
  opens: number[];
  closes: number[];
  open: number;
  close: number;
}

/** Builds the comment index of a text. */
export function indexComments(text: string): CommentIndex {
  return { opens: findAll(text, '<!--'), closes: findAll(text, '-->'), open: 0, close: 0 };
}

interface Run {
  start: number;
  end: number;
}

/** Adds the ranges to blank in `text` from `start` to `end` (one inline context) to `ranges`. */
export function blankInline({ text, start, end, comments, ranges }: { text: string; start: number; end: number; comments: CommentIndex; ranges: Array<[number, number]> }): void {
  const runs = backtickRuns(text, start, end);
  const next = sameLengthNext(runs);
  let r = 0;
  let pos = start;
  for (;;) {
    while (comments.open < comments.opens.length && comments.opens[comments.open]! < pos) comments.open++;
    while (r < runs.length && runs[r]!.start < pos) r++;
    const open = comments.opens[comments.open];
    const run = runs[r];
    const openHere = open !== undefined && open < end ? open : undefined;
    if (openHere === undefined && run === undefined) return;
    if (openHere !== undefined && (run === undefined || openHere < run.start)) {
      while (comments.close < comments.closes.length && comments.closes[comments.close]! < openHere + 2) comments.close++;
      const close = comments.closes[comments.close];
      if (close !== undefined && close + 3 <= end) {
        ranges.push([openHere, close + 3]);
        pos = close + 3;
      } else pos = openHere + 4;
      continue;
    }
    const match = next[r];
    if (match === undefined) pos = run!.end;
    else {
      ranges.push([run!.start, runs[match]!.end]);
      pos = runs[match]!.end;
    }
  }
}

function backtickRuns(text: string, start: number, end: number): Run[] {
  const runs: Run[] = [];
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) !== 96) continue;
    let j = i + 1;
    while (j < end && text.charCodeAt(j) === 96) j++;
    // A backslash escapes the first backtick of an opening run (inside a span it would be literal; close enough).
    let from = i;
    let slashes = 0;
    while (i - slashes - 1 >= start && text.charCodeAt(i - slashes - 1) === 92) slashes++;
    if (slashes % 2 === 1) from++;
    if (from < j) runs.push({ start: from, end: j });
    i = j - 1;
  }
  return runs;
}

/** For each run, the index of the next run of the same length, if any. */
function sameLengthNext(runs: Run[]): Array<number | undefined> {
  const next: Array<number | undefined> = new Array(runs.length);
  const seen = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    const length = runs[i]!.end - runs[i]!.start;
    next[i] = seen.get(length);
    seen.set(length, i);
  }
  return next;
}
