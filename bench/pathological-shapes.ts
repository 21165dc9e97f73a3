/**
 * Crafted inputs the markdown parser takes super-linear time on, or a long time per byte,
 * each at about `size` bytes. Shared by the pathological test and the bench. Times are
 * what a bare remark parse of 1 MB took on a 2-core machine before the guard (or the
 * smallest size that took seconds, for the quadratic ones).
 */
export const SHAPES: Record<string, (size: number) => string> = {
  // 1,000 levels, 1 MB: 26 s (prepareList re-walks every nested list).
  'a list nested 1,000 deep': (size) => staircase(size, (i) => `${'  '.repeat(i)}- a`),
  // 400 levels, 160 KB: 15 s.
  'a task list nested 400 deep': (size) => staircase(size, (i) => `${'  '.repeat(i % 400)}- [ ] T${i} task`),
  // 19 KB: about 8 s before the autolink-literal extension was dropped; 1 MB: about 12 s.
  'a line of `` * `c` ``': (size) => repeat('* `c` ', size),
  // 1 MB: 4.8 s to 11 s.
  '`[x` repeated': (size) => repeat('[x', size),
  // 64 KB: over 30 s (EditMap.consume copies the document's events at every list end).
  'lists ended by paragraphs': (size) => repeat('- a\n\nb\n\n', size),
  '`>` quotes ended by paragraphs': (size) => repeat('> a\n\nb\n\n', size),
  // 64 KB: over 30 s, the same copy at every setext heading.
  'setext headings': (size) => repeat('a\n===\n\n', size),
  // 64 KB: over 30 s (each lazy line walks back over its paragraph).
  'lazy lines in a 50-deep list': (size) => `${'- '.repeat(50)}a\n${repeat('b\n', size)}`,
  // 64 KB: 25 s (strikethrough delimiters are matched pairwise).
  'single tildes': (size) => repeat('~a', size),
  // 64 KB: 23 s.
  'emphasis delimiters on many lines': (size) => repeat('x*\n', size),
  // 64 KB: 10 s.
  '`]` on many lines': (size) => repeat('x]\n', size),
  // 16 KB: 6.5 s.
  'processing-instruction openers on many lines': (size) => repeat('x<?\n', size),
  // 32 KB: 2 to 7 s, depending on the mix.
  'footnote definitions nested in quotes': (size) => repeat('[^a]: > [^a]: > b\n', size),
  '`> - ` containers 50 deep': (size) => repeat(`${'> - '.repeat(50)}a\n`, size),
  // 1 MB: about 45 s (0.2 ms per item).
  'a flat list of one-letter items': (size) => repeat('- a\n', size),
  'table rows': (size) => `| a | b |\n|---|---|\n${repeat('| c | d |\n', size)}`,
  'a table 20,000 columns wide': (size) => { const row = `|${' a |'.repeat(Math.floor(size / 12))}`; return `${row}\n|${'---|'.repeat(Math.floor(size / 12))}\n${row}\n`; },
  'hard line breaks': (size) => repeat('a  \n', size),
  'link reference definitions': (size) => Array.from({ length: Math.floor(size / 20) }, (_, i) => `[r${i}]: http://x/${i}`).join('\n'),
  'backtick runs of every length': (size) => { let text = ''; for (let i = 1; text.length < size; i++) text += `${'`'.repeat(i)}a`; return text; },
  '`<` runs': (size) => repeat('<', size),
};

function repeat(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.ceil(size / unit.length)));
}

function staircase(size: number, line: (i: number) => string): string {
  const lines: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    lines.push(line(i));
    length += lines.at(-1)!.length + 1;
  }
  return lines.join('\n');
}
