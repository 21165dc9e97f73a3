const WORDS = new Intl.Segmenter('und', { granularity: 'word' });

/** Longest quoted value a message carries whole. */
export const QUOTE_LENGTH = 80;

/**
 * A value for a message, whole when it has at most `max` characters; otherwise cut at the
 * last word boundary that fits (words as Unicode segments them, so Chinese or Japanese is
 * cut between words, never inside one) and ended with a visible `…`.
 */
export function quote(value: string, max = QUOTE_LENGTH): string {
  const text = value.trim().replace(/\s+/g, ' ');
  if ([...text].length <= max) return text;
  let cut = '';
  let length = 0;
  for (const { segment } of WORDS.segment(text)) {
    const size = [...segment].length;
    if (length + size > max - 1) break;
    cut += segment;
    length += size;
  }
  // A single word longer than the whole budget is cut between code points.
  if (cut.trim() === '') cut = [...text].slice(0, max - 1).join('');
  return `${cut.trimEnd()}…`;
}
