/**
 * Every match of a global regex in a text, as `text.matchAll(pattern)` gives them, without
 * its cost: `matchAll` copies the regex on each call, and over the lines of a document the
 * copying cost many times the matching (23× on lines that do not match).
 */
export function matchList(text: string, pattern: RegExp): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError(`matchList needs a global regex, got ${String(pattern)}`);
  const found: RegExpExecArray[] = [];
  const unicode = pattern.unicode || pattern.flags.includes('v');
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push(match);
    // Past an empty match: one code unit, or a whole surrogate pair in unicode mode (as `matchAll` does).
    if (match[0] === '') pattern.lastIndex += unicode && isHighSurrogate(text.charCodeAt(pattern.lastIndex)) ? 2 : 1;
  }
  pattern.lastIndex = 0;
  return found;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
