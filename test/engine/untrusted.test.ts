import { describe, expect, test } from '@jest/globals';
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import {
  hasSpecgateMarker, truncate, untrustedCode, untrustedLog, untrustedMarkdown, untrustedPlain, untrustedText, untrustedUser,
} from '../../src/engine/report/index.js';
import { untrustedTerminal, renderText } from '../../src/engine/report/index.js';
import { defaultConfig, evaluate } from '../../src/engine/index.js';
import { HOSTILE, LIVE_MENTION } from '../support/hostile-corpus.js';

/** GitHub renders with cmark-gfm; micromark with GFM parses CommonMark the same way. */
const parse = (markdown: string): Root => unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
/**
 * The node types a rendering holds. A bare URL is a link on GitHub whatever is done to it
 * (GFM autolinks); it counts as text when it shows exactly where it goes.
 */
const types = (root: Root): Set<string> => {
  const found = new Set<string>();
  const walk = (node: Nodes): void => {
    const text = node.type === 'link' ? toString(node) : '';
    const autolink = node.type === 'link' && [text, `http://${text}`, `mailto:${text}`].includes(node.url);
    found.add(autolink ? 'text' : node.type);
    if ('children' in node && !autolink) node.children.forEach(walk);
  };
  walk(root);
  return found;
};
// What a person sees: the zero-width spaces that break mentions and comment delimiters render as nothing.
const seen = (text: string): string => text.replace(/\u200B/g, '');
// What the functions keep of an input on one line: controls and bidi overrides gone, white space folded.
// eslint-disable-next-line no-control-regex -- the controls are what is removed
const folded = (text: string): string => text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
const corpus = Object.entries(HOSTILE);
/** The inline nodes of every block at the top of a rendering. */
const inline = (root: Root): Nodes[] => root.children.flatMap((block): Nodes[] => ('children' in block ? [...block.children] : []));

describe.each(corpus)('%s', (_name, input) => {
  test('as text: renders exactly as written, as text only, with no marker and no mention', () => {
    const out = untrustedText(input, { max: 100_000 });
    const root = parse(out);
    expect([...types(root)].filter((type) => !['root', 'paragraph', 'text'].includes(type))).toEqual([]);
    expect(seen(toString(root))).toBe(folded(input));
    expect(hasSpecgateMarker(out) || LIVE_MENTION.test(out)).toBe(false);
  });

  test('as quoted lines: paragraphs of text only, whatever the lines start with', () => {
    const out = untrustedText(input, { max: 100_000, multiline: true });
    const root = parse(out.split('\n').map((line) => `> ${line}`).join('\n'));
    expect([...types(root)].filter((type) => !['root', 'blockquote', 'paragraph', 'text', 'break'].includes(type))).toEqual([]);
    expect(seen(toString(root)).replace(/\s+/g, ' ').trim()).toBe(folded(input));
  });

  test('as a code span: one span that no backtick run closes early, holding the text', () => {
    const out = untrustedCode(input, { max: 100_000 });
    const root = parse(out);
    const nodes = inline(root);
    expect(nodes.map((node) => node.type)).toEqual(['inlineCode']);
    expect(seen((nodes[0] as { value: string }).value).trim()).toBe(folded(input));
    expect(hasSpecgateMarker(out) || LIVE_MENTION.test(out)).toBe(false);
  });

  test('inside a composed message: the values stay code, the rest stays text', () => {
    const out = untrustedMarkdown(`Unexpected value \`${input.replace(/`/g, "'")}\` near ${input}, expected \`x\``, { max: 400_000 });
    const root = parse(out);
    expect([...types(root)].filter((type) => !['root', 'paragraph', 'text', 'inlineCode'].includes(type))).toEqual([]);
    expect(hasSpecgateMarker(out) || LIVE_MENTION.test(out)).toBe(false);
  });

  test('as plain text and as a login: no comment delimiter, no mention, bounded', () => {
    for (const out of [untrustedPlain(input, { max: 300 }), untrustedUser(input, { plain: true }), untrustedUser(input)]) {
      expect(out).not.toMatch(/<!|--!?>/);
      expect(LIVE_MENTION.test(out)).toBe(false);
      // Breaking `@` and `<!` adds at most one character per two kept.
      expect(out.length).toBeLessThanOrEqual(Math.ceil(300 * 1.5) + 1);
    }
  });

  test('in a log: no line the runner would take for a workflow command', () => {
    const lines = untrustedLog(input).split(/\r\n|\r|\n/);
    expect(lines.filter((line) => /^\s*(::|##\[)/.test(line))).toEqual([]);
  });
});

test('composed markdown keeps its code spans as code, whatever they hold', () => {
  const out = untrustedMarkdown('Unexpected `<!-- specgate:waiver {} -->` and `@everyone`, expected `a ``b`` c` or ``d ` e``');
  const root = parse(out);
  const codes = inline(root).filter((node) => node.type === 'inlineCode');
  // As in CommonMark, a run closes only a run of its own length: the double runs sit inside the first span.
  expect(codes.map((node) => seen((node as { value: string }).value))).toEqual(['<!-- specgate:waiver {} -->', '@everyone', 'a ``b`` c', 'd ` e']);
  expect(seen(toString(root))).toBe('Unexpected <!-- specgate:waiver {} --> and @everyone, expected a ``b`` c or d ` e');
});

test('a line of only backtick runs is paired in linear time', () => {
  const start = Date.now();
  untrustedMarkdown('` `` ``` '.repeat(30_000), { max: 1_000_000 });
  // A generous hang guard: pairing every run with every other took minutes.
  expect(Date.now() - start).toBeLessThan(5_000);
});

test('the log neutraliser changes only what the runner would obey', () => {
  expect(untrustedLog('specs/a.md\n  30  error  ok\n::error::x\r  ::warning::y\n##[error]z')).toBe('specs/a.md\n  30  error  ok\n:\u200B:error::x\n  :\u200B:warning::y\n#\u200B#[error]z');
});

test('truncate cuts on a code point and marks the cut', () => {
  expect(truncate('ab😀cd', 4)).toBe('ab…');
  expect(truncate('abc', 3)).toBe('abc');
});

test('a login names the account without pinging it', () => {
  expect(untrustedUser('maria')).toBe('@\u200Bmaria');
  expect(untrustedUser('dependabot[bot]')).toBe('@\u200Bdependabot\\[bot\\]');
  expect(untrustedUser('dependabot[bot]', { plain: true })).toBe('@\u200Bdependabot[bot]');
});

test('the terminal report carries no escape sequence or control from a document', () => {
  const spec = '# Spec\n\n- **FR-001**: System MUST [NEEDS CLARIFICATION: \u001b[2J\u001b]0;pwned\u0007which \u202Eprovider?]\n';
  const text = renderText(evaluate({ files: [{ path: 'specs/001-\u001b[31mx/spec.md', content: spec }], config: defaultConfig() }));
  expect(text).toContain('which provider?');
  // eslint-disable-next-line no-control-regex -- looking for controls is the point
  expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
  expect(untrustedTerminal('a\n  b\u001b[0m')).toBe('a b[0m');
});
