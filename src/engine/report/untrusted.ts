/**
 * The one rule for text specgate did not compose: document lines, clarification
 * questions, finding messages that quote documents, command arguments, waiver reasons,
 * rule names, paths and user logins. Every writer (check summaries and annotations,
 * issue titles and bodies, command replies, the Action's job summary) passes such text
 * through one of these functions before it lands in markdown that specgate posts.
 *
 * What they guarantee, whatever the input:
 * - no hidden specgate marker can form (`<!--` never survives, so no
 *   `<!-- specgate:… -->` comment can be planted in a body specgate writes);
 * - nobody is pinged from a document (`@everyone`, `@org/team` and `@user` are broken
 *   with a zero-width space, which GitHub renders but does not link);
 * - the text cannot close a `<details>`, a code span or a code fence it was put in, nor
 *   open HTML of its own;
 * - the length is bounded (cut on a code point, with `…`).
 */

/** Renders as nothing; placed after `@` it stops GitHub from linking a mention. */
const ZERO_WIDTH_SPACE = '\u200B';

/** Options shared by the escaping functions. */
export interface UntrustedOptions {
  /** At most this many characters of the input are kept (default 1,000). */
  max?: number;
  /** Keep line breaks (for a quoted block); otherwise every run of white space becomes one space. */
  multiline?: boolean;
}

const DEFAULT_MAX = 1_000;

// C0/C1 controls (tab and newline kept) and the bidirectional overrides that can make a
// line read differently from what it says.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
// Characters with meaning in GitHub markdown that untrusted text must not use.
const MARKDOWN = /[\\`*_[\]|~]/g;
const MENTION = /@(?=[A-Za-z0-9_-])/g;

/**
 * Untrusted text made safe as markdown *text* (a paragraph, a list item, a table cell,
 * a blockquote line): markdown punctuation is backslash-escaped and `<`, `>` and `&`
 * become entities, so it renders as written and can form no HTML, no code and no marker.
 */
export function untrustedText(text: string, options: UntrustedOptions = {}): string {
  return escapeBlockStart(escapeText(prepare(text, options)));
}

/**
 * Untrusted text as one inline code span, backticks included: the fence is longer than
 * any run of backticks inside, so the text cannot close it. HTML comment openers and
 * closers are broken, because markers are read from the raw body, code or not.
 */
export function untrustedCode(text: string, options: Omit<UntrustedOptions, 'multiline'> = {}): string {
  const kept = escapeCode(prepare(text, { ...options, multiline: false }));
  const longest = Math.max(0, ...[...kept.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = kept.startsWith('`') || kept.endsWith('`') || kept === '' ? ' ' : '';
  return `${fence}${pad}${kept === '' ? ' ' : kept}${pad}${fence}`;
}

/**
 * One line of markdown that specgate composed around untrusted values, each in a code
 * span (finding messages that quote documents, config errors, notes, error reasons): the
 * code spans stay code, with comment delimiters and mentions broken; everything between
 * them is escaped as {@link untrustedText}. Backtick runs are paired as CommonMark pairs
 * them, so what is code here is code on GitHub and nothing else is.
 */
export function untrustedMarkdown(text: string, options: Omit<UntrustedOptions, 'multiline'> = {}): string {
  const kept = prepare(text, { ...options, multiline: false });
  let out = '';
  let from = 0;
  for (const [start, end] of codeSpans(kept)) {
    out += escapeText(kept.slice(from, start)) + kept.slice(start, end).replace(/^(`+)([\s\S]*?)(`+)$/, (_all, open: string, code: string, close: string) => open + escapeCode(code) + close);
    from = end;
  }
  return escapeBlockStart(out + escapeText(kept.slice(from)));
}

/** `[start, end)` of each code span: a backtick run closed by the next run of the same length. */
function codeSpans(text: string): [number, number][] {
  const runs = [...text.matchAll(/`+/g)].map((run) => ({ at: run.index, length: run[0].length }));
  // Per run length, the positions of the runs of that length, to find each closer in linear time.
  const byLength = new Map<number, number[]>();
  runs.forEach((run, i) => {
    const list = byLength.get(run.length) ?? [];
    list.push(i);
    byLength.set(run.length, list);
  });
  const next = new Map<number, number>();
  const spans: [number, number][] = [];
  for (let i = 0; i < runs.length; i += 1) {
    const list = byLength.get(runs[i]!.length)!;
    let k = next.get(runs[i]!.length) ?? 0;
    while (k < list.length && list[k]! <= i) k += 1;
    next.set(runs[i]!.length, k);
    if (k >= list.length) continue;
    const close = runs[list[k]!]!;
    spans.push([runs[i]!.at, close.at + close.length]);
    i = list[k]!;
  }
  return spans;
}

/** A GitHub login as text, `@` included, that names the account without pinging it. */
export function untrustedUser(login: string, options: { plain?: boolean } = {}): string {
  const text = `@${login}`;
  return options.plain ? untrustedPlain(text, { max: 100 }) : untrustedText(text, { max: 100 });
}

/**
 * Text for a runner's log (the Action's `core.info`): the runner obeys a line that starts
 * with `::` (or the older `##[`) as a workflow command, after leading white space and at
 * any line break, `\r` included, so each such line gets a zero-width space after its first
 * character; control and bidirectional characters are removed.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */
export function untrustedLog(text: string): string {
  return String(text)
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(CONTROLS, '').replace(/^(\s*)(:(?=:)|#(?=#\[))/, `$1$2${ZERO_WIDTH_SPACE}`))
    .join('\n');
}

/**
 * Text for a terminal (the CLI's text report): escape sequences (`ESC[…`, which can move
 * the cursor, rewrite earlier lines or retitle the window), other controls and
 * bidirectional overrides are removed, and line breaks folded, so a document cannot
 * change what the report appears to say.
 */
export function untrustedTerminal(text: string): string {
  return String(text).replace(/\s*\n\s*/g, ' ').replace(CONTROLS, '');
}

/** At most `max` characters of raw text, cut on a code point boundary, `…` marking the cut. */
export function truncate(text: string, max: number): string {
  return clip(String(text), max);
}

/**
 * Untrusted text for a place that renders no markdown (an issue title, a log line, a
 * check-run annotation): white space folded, comment delimiters and mentions broken,
 * length bounded.
 */
export function untrustedPlain(text: string, options: Omit<UntrustedOptions, 'multiline'> = {}): string {
  return neutraliseComments(prepare(text, { ...options, multiline: false })).replace(MENTION, `@${ZERO_WIDTH_SPACE}`);
}

/** Whether a text holds anything that reads as a hidden specgate marker. */
export function hasSpecgateMarker(text: string): boolean {
  return /<!--\s*specgate:/i.test(text);
}

function prepare(text: string, options: UntrustedOptions): string {
  const cleaned = String(text).replace(CONTROLS, '');
  // Indentation is markdown structure (four spaces make code), not text: it goes.
  const folded = options.multiline ? cleaned.replace(/^[ \t]+/gm, '').replace(/[ \t]*\n[ \t]*\n\s*/g, '\n\n').trim() : cleaned.replace(/\s+/g, ' ').trim();
  return clip(folded, options.max ?? DEFAULT_MAX);
}

function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN, (c) => `\\${c}`)
    .replace(MENTION, `@${ZERO_WIDTH_SPACE}`);
}

/** A line that starts like a heading, list or rule would restructure what follows. */
function escapeBlockStart(text: string): string {
  return text.replace(/^([ \t]*)([#+=-]|\d+[.)])/gm, (_all, space: string, mark: string) => `${space}${mark.replace(/([#+=.)-])/g, '\\$1')}`);
}

/** Inside a code span markdown is inert, but markers are read from the raw body and GitHub's mention linker is not careful. */
function escapeCode(text: string): string {
  return neutraliseComments(text).replace(MENTION, `@${ZERO_WIDTH_SPACE}`);
}

function neutraliseComments(text: string): string {
  return text.replace(/<!/g, `<${ZERO_WIDTH_SPACE}!`).replace(/--(?=!?>)/g, `-${ZERO_WIDTH_SPACE}-`);
}

/** At most `max` characters, cut on a code point boundary, `…` marking the cut. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}
