/**
 * A line reduced to what identifies it as template text: list, quote and table marks,
 * emphasis, code and comment marks removed, spaces collapsed, lower-cased. Headings and
 * short lines (under 20 characters) give `undefined`: filled documents keep those too,
 * so they say nothing about whether a document was filled in.
 */
export function templateLine(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed.startsWith('#')) return undefined;
  const line = trimmed
    .replace(/^(?:[-*+>|]|\d+\.)\s*/, '')
    .replace(/[*_`|<>!]/g, '')
    .replaceAll('--', '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  return line.length >= 20 ? line : undefined;
}
