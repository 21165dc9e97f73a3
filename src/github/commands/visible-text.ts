import type { Html, Nodes } from 'mdast';
import { parseTree } from '../../engine/markdown/parse.js';

// Containers whose text is not a command line a reader sees as such: quotes (someone
// else's words, lists inside them included), headings and tables. Code, inline code, HTML,
// front matter, link titles and image alt text never reach here: they are leaves or
// properties, never `text` nodes.
const HIDDEN = new Set(['blockquote', 'heading', 'table']);
// Elements that never wrap content, so they hide nothing after them.
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * Marks the characters of `text` (markdown, LF line endings) that render as paragraph
 * text: 1 where a reader sees the source character as written, 0 elsewhere. Text between
 * an HTML open tag and its close (`<details>`, `<span hidden>`) counts as hidden, since
 * it may well be. May throw on input the parser cannot take (nesting too deep).
 */
export function markVisibleText(text: string): Uint8Array {
  const visible = new Uint8Array(text.length);
  // Iterative walk: nested input must not overflow the stack.
  const stack: Array<{ node: Nodes; inParagraph: boolean }> = [{ node: parseTree(text), inParagraph: false }];
  while (stack.length > 0) {
    const { node, inParagraph } = stack.pop()!;
    if (node.type === 'text') {
      if (inParagraph) visible.fill(1, node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
      continue;
    }
    if (HIDDEN.has(node.type) || !('children' in node)) continue;
    const children = shownChildren(node.children as Nodes[]);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, inParagraph: inParagraph || node.type === 'paragraph' });
  }
  return visible;
}

/** The children that are not inside an HTML element opened by an earlier sibling. */
function shownChildren(children: Nodes[]): Nodes[] {
  const shown: Nodes[] = [];
  let open = 0;
  for (const child of children) {
    if (child.type === 'html') open = Math.max(0, open + tagBalance(child));
    else if (open === 0) shown.push(child);
  }
  return shown;
}

// `[^<>]` keeps both patterns linear: a run of `<a<a<a…` cannot make them backtrack.
const OPEN_TAG = /<([A-Za-z][A-Za-z0-9-]*)(?:[\s/][^<>]*)?>/g;
const CLOSE_TAG = /<\/[A-Za-z][A-Za-z0-9-]*[^<>]*>/g;

/** Open tags minus close tags in an HTML node, comments, void and self-closed tags aside. */
function tagBalance(node: Html): number {
  const value = withoutComments(node.value);
  let balance = 0;
  for (const match of value.matchAll(OPEN_TAG)) {
    if (!VOID.has(match[1]!.toLowerCase()) && !match[0].endsWith('/>')) balance++;
  }
  for (const _match of value.matchAll(CLOSE_TAG)) balance--;
  return balance;
}

/** The value without its `<!-- … -->` comments, in linear time (a lazy regex is not, on unclosed ones). */
function withoutComments(value: string): string {
  let kept = '';
  let cursor = 0;
  for (;;) {
    const start = value.indexOf('<!--', cursor);
    if (start < 0) return kept + value.slice(cursor);
    kept += value.slice(cursor, start);
    const end = value.indexOf('-->', start + 4);
    if (end < 0) return kept;
    cursor = end + 3;
  }
}
