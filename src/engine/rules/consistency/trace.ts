import type { Document } from '../../types.js';
import { matchList } from '../../markdown/matches.js';
import { oncePer } from '../../rule.js';

/** A requirement (`FR-001`) or success criterion (`SC-001`) as a spec defines it. */
export interface Requirement {
  id: string;
  line: number;
  /** The definition's text after the id, markup stripped. */
  text: string;
  /** The definition's text after the id, as written (code spans and identifiers intact). */
  raw: string;
  /** User stories the requirement belongs to (see {@link requirementStories}). */
  stories: Set<number>;
}

/** A `### User Story N - Title` section of a spec. */
export interface Story {
  number: number;
  line: number;
  endLine: number;
}

/** One checkbox item of a tasks document, with what it points to. */
export interface Task {
  /** `T001`, or `line N` when the item has no id. */
  name: string;
  line: number;
  checked: boolean;
  text: string;
  /** Stories from an `[USn]` label, or from the `User Story N` phase the item sits in. */
  stories: Set<number>;
  /** Stories named by an explicit `[USn]` label only. */
  labels: Set<number>;
}

const ID = /\b(FR|SC)-(\d{1,4})([a-z])?\b/g;
// `FR-001–FR-005`, `FR-001 to FR-005`, `SC-001 through SC-010`, `FR-001..FR-005`, `FR-001–005`.
const RANGE = /\b(FR|SC)-(\d{1,4})\s*(?:–|—|-|\.\.\.?|to|through|thru)\s*(?:(FR|SC)-)?(\d{1,4})\b/g;
// Applied to a trimmed line; no two `\s*` are adjacent, so a long run of spaces cannot make it backtrack.
const DEFINITION = /^(?:\|\s*)?(?:(?:[-*+]|\d+\.)\s+)?(?:\[[ xX]\]\s*)?(?:(?:\*\*|__)\s*)?((?:FR|SC)-\d{1,4}[a-z]?)\s*(?:(?:\*\*|__)\s*)?(?:[:：.|–—-]|\*\*|$)/;
// `User Story 2`, `US2`, `User Stories 1-3`, `US1 + US2`, `User Story 1 & 2`: the stories a heading names.
const STORY_NAMES = /\b(User Stor(?:y|ies)|US)\s*#?(\d{1,3})\b((?:\s*(?:[+&,/]|and|–|—|-|to|through)\s*(?:US\s*#?)?\d{1,3}\b(?![-.]?\w))*)/gi;
const STORY_MORE = /\s*([+&,/]|and|–|—|-|to|through)\s*(US\s*#?)?(\d{1,3})/gi;
// Continues a cited id: `/008`, `, 002`, ` and 005`, `/SC-002`. A bare number must have the first id's
// width (`SC-001, 002`, not `FR-013, 4-button` or `FR-003/2025`).
const CONTINUATION = /(?:\s*\/\s*|\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:(FR|SC)-)?(\d{1,4})([a-z])?(?![\w-]|\.\d)/y;

/** Canonical id: `FR-1` and `FR-001` are the same requirement. */
export function canonicalId(prefix: string, digits: string, suffix = ''): string {
  return `${prefix.toUpperCase()}-${digits.padStart(3, '0')}${suffix}`;
}

/** Every requirement and success criterion a spec defines (first definition of each id wins), once per document. */
export const requirementDefinitions: (spec: Document) => readonly Requirement[] = oncePer(readDefinitions);

function readDefinitions(spec: Document): Requirement[] {
  const found = new Map<string, Requirement>();
  const stories = userStories(spec);
  // The ids each story's section cites, read once for all the spec's requirements.
  let cited: Array<Set<string>> | undefined;
  const citedBy = (index: number): Set<string> => {
    cited ??= stories.map((story) => referencedIdSet(spec.prose.slice(story.line, story.endLine).join('\n')));
    return cited[index]!;
  };
  spec.prose.forEach((prose, index) => {
    if (!prose.includes('FR-') && !prose.includes('SC-')) return;
    const indent = prose.length - prose.trimStart().length;
    const match = DEFINITION.exec(prose.trimStart());
    if (!match) return;
    const id = match[1]!.replace(/^(FR|SC)-(\d+)([a-z]?)$/, (_, p: string, d: string, s: string) => canonicalId(p, d, s));
    if (found.has(id)) return;
    const line = index + 1;
    const raw = (spec.lines[index] ?? prose).slice(indent + match[0].length).trim();
    const text = raw.replace(/[*_`|]/g, ' ').replace(/\s+/g, ' ').trim();
    found.set(id, { id, line, text, raw, stories: requirementStories(spec, stories, line, citedBy) });
  });
  return [...found.values()];
}

/** The user-story sections of a spec, by number. */
export function userStories(spec: Document): Story[] {
  const stories: Story[] = [];
  for (const section of spec.sections) {
    const match = /^(?:User Story|Story)\s*#?(\d{1,3})\b/i.exec(section.title);
    if (match) stories.push({ number: Number(match[1]), line: section.line, endLine: section.endLine });
  }
  return stories;
}

/**
 * The conservative mapping of a requirement to user stories: the requirement's own line
 * names the story (`(User Story 2)`, `[US2]`), it sits under a heading naming the story,
 * or the story's section cites the requirement's id. Nothing else is guessed.
 */
function requirementStories(spec: Document, stories: Story[], line: number, citedBy: (story: number) => Set<string>): Set<number> {
  const result = new Set<number>();
  const own = spec.prose[line - 1] ?? '';
  for (const match of matchList(own, /\b(?:User Story|US)\s*#?(\d{1,3})\b/gi)) result.add(Number(match[1]));
  for (const section of spec.sections) {
    if (section.line >= line || section.endLine < line) continue;
    for (const story of headingStories(section.title)) result.add(story);
  }
  const id = /\b(?:FR|SC)-\d+[a-z]?\b/.exec(own)?.[0];
  if (id) {
    for (const [index, story] of stories.entries()) {
      if (line >= story.line && line <= story.endLine) continue;
      if (citedBy(index).has(canonical(id))) result.add(story.number);
    }
  }
  return result;
}

function referencedIdSet(text: string): Set<string> {
  return new Set(referencedIds([text]).keys());
}

function canonical(id: string): string {
  const match = /^(FR|SC)-(\d+)([a-z]?)$/.exec(id);
  return match ? canonicalId(match[1]!, match[2]!, match[3]) : id;
}

/** Every requirement id a set of lines mentions, ranges expanded, mapped to the 1-based lines that mention it. */
export function referencedIds(lines: readonly string[]): Map<string, number[]> {
  const result = new Map<string, number[]>();
  const add = (id: string, line: number): void => {
    const list = result.get(id) ?? [];
    if (!list.includes(line)) list.push(line);
    result.set(id, list);
  };
  lines.forEach((text, index) => {
    for (const match of matchList(text, ID)) {
      add(canonicalId(match[1]!, match[2]!, match[3]), index + 1);
      for (const id of continuedIds(text, match[1]!, match[2]!.length, match.index + match[0].length)) add(id, index + 1);
    }
    for (const match of matchList(text, RANGE)) {
      const [from, to] = [Number(match[2]), Number(match[4])];
      if (match[3] && match[3] !== match[1]) continue;
      if (to <= from || to - from > 200) continue;
      for (let n = from; n <= to; n += 1) add(canonicalId(match[1]!, String(n)), index + 1);
      for (const id of continuedIds(text, match[1]!, match[2]!.length, match.index + match[0].length)) add(id, index + 1);
    }
  });
  return result;
}

/** The ids a cited id's shorthand continuation names: `FR-007/008/009`, `SC-001, 002`, `FR-001, 003 and 005`. */
function continuedIds(text: string, prefix: string, width: number, from: number): string[] {
  const ids: string[] = [];
  let kind = prefix;
  let at = from;
  for (;;) {
    CONTINUATION.lastIndex = at;
    const match = CONTINUATION.exec(text);
    if (!match) return ids;
    // An id with its own prefix is found on its own; it only carries the list on.
    if (match[1]) kind = match[1];
    else if (match[2]!.length !== width) return ids;
    else ids.push(canonicalId(kind, match[2]!, match[3]));
    at = CONTINUATION.lastIndex;
  }
}

/**
 * The user stories a heading names: `Phase 3: User Story 1 - Title`, `Phase 2 (US2)`,
 * `User Stories 1-3`, `US1 + US2`, `User Story 1 & 2`. A bare number after a dash or comma
 * counts only after `User Stories`, so `User Story 3 - 10 Minute Setup` and `(US1, 3 endpoints)` name one story.
 */
export function headingStories(title: string): Set<number> {
  const result = new Set<number>();
  for (const match of matchList(title, STORY_NAMES)) {
    const plural = /ies$/i.test(match[1]!);
    let previous = Number(match[2]);
    result.add(previous);
    for (const more of matchList(match[3]!, STORY_MORE)) {
      const n = Number(more[3]);
      const range = /^(?:–|—|-|to|through)$/i.test(more[1]!);
      // A bare number continues the list after `User Stories`, or after `+`, `&`, `and` (`User Story 1 & 2`).
      if (!more[2] && !plural && !/^(?:\+|&|and)$/i.test(more[1]!)) break;
      if (range && n > previous && n - previous <= 20) for (let k = previous + 1; k < n; k += 1) result.add(k);
      result.add(n);
      previous = n;
    }
  }
  return result;
}

/** The checkbox items of a tasks document, with their ids and stories. */
export function taskItems(tasks: Document): Task[] {
  return tasks.checkboxes.map((box) => {
    const raw = tasks.lines[box.line - 1] ?? '';
    const name = /\b(T\d{3,}[a-z]?)\b/.exec(box.text)?.[1] ?? `line ${box.line}`;
    const labels = new Set<number>();
    for (const match of matchList(raw, /\[\s*US\s*(\d{1,3})\s*\]/gi)) labels.add(Number(match[1]));
    const stories = new Set(labels);
    if (stories.size === 0) {
      for (const section of tasks.sections) {
        if (section.line >= box.line || section.endLine < box.line) continue;
        for (const story of headingStories(section.title)) stories.add(story);
      }
    }
    return { name, line: box.line, checked: box.checked, text: box.text, stories, labels };
  });
}

/** The feature's document of one kind, preferring the template's file name. */
export function featureDocument(feature: readonly Document[], kind: Document['kind'], name: string): Document | undefined {
  const candidates = feature.filter((document) => document.kind === kind);
  return candidates.find((document) => document.path.endsWith(`/${name}`)) ?? candidates[0];
}

/* Coverage by wording -------------------------------------------------------------------- */

/** A task that covers a requirement by wording (see {@link wordingMatches}). */
export interface WordingMatch {
  /** The covering task's name (`T001`, or `line N`). */
  task: string;
  /** What the two share, as the requirement writes it: distinctive words, then code. */
  shared: string[];
}

// A word is distinctive when at most this many other requirements of the spec use it.
const DISTINCT_OTHERS = 1;
// A task must share at least this part of the requirement's distinctive words…
const WORD_SHARE = 0.25;
// …and at least this many of them, unless it shares code.
const MIN_WORDS = 2;
// At most this many shared words and code are kept for a reader (the renderers show fewer).
const MAX_SHARED = 12;
// Generic spec and task words that say nothing about which requirement a task serves.
const STOPWORDS = new Set(`able about above across after again against allow allows also among another because been before
being below between both could does done each either else even ever every feature features from have having here into
just like made make many more most much must need needs none only other over same shall should since some something such
than that their them then there these they this those through under unless until upon very want were what when where
whether which while will with within without would your system systems user users support supports provide provides
ensure ensures data display displays create creates implement implements update updates write writes verify verifies
verification check checks exist existing task tasks`.split(/\s+/));
// Upper-case words of two or three letters that are labels, not content.
const LABELS = new Set(['FR', 'SC', 'US', 'MVP', 'TBD', 'OK']);
// A parenthesis naming what a requirement leaves out: `(excludes /gallery/page.tsx …)`.
const EXCLUSION = /\((?:excludes?|excluding|except|other than|not including)\b[^()]*\)/gi;

/** A light stemmer: plural `-s`/`-es`/`-ies`, `-ing` and `-ed` (with a doubled consonant undone). */
function stem(word: string): string {
  if (word.length > 5 && /ie[sd]$/.test(word)) return `${word.slice(0, -3)}y`;
  for (const end of ['ing', 'ed']) {
    if (word.length - end.length < 4 || !word.endsWith(end)) continue;
    const base = word.slice(0, -end.length);
    return /([b-df-hj-km-rtv-z])\1$/.test(base) ? base.slice(0, -1) : base;
  }
  if (word.length <= 4 || /(?:ss|us|is)$/.test(word)) return word;
  if (/(?:ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/** The content words of a text, stemmed, each with its first written form. */
function wordForms(text: string): Map<string, string> {
  const forms = new Map<string, string>();
  for (const [word] of matchList(text, /[\p{L}\p{N}]+/gu)) {
    let key: string | undefined;
    if (word.length >= 4) {
      const lower = word.toLowerCase();
      if (/^\d+$/.test(lower) || /^(?:t|us|wp|p)\d+[a-z]?$/.test(lower) || STOPWORDS.has(lower)) continue;
      key = stem(lower);
      if (STOPWORDS.has(key)) continue;
    } else if (word.length >= 2 && /^[\p{Lu}\d]+$/u.test(word) && (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && !LABELS.has(word.replace(/\d+$/, ''))) {
      key = word.toLowerCase();
    }
    if (key !== undefined && !forms.has(key)) forms.set(key, word);
  }
  return forms;
}

/**
 * The content words of a text: Unicode letters and digits, lower-cased, words of four or more
 * letters (and upper-case acronyms such as `POI`), lightly stemmed, generic spec words dropped.
 */
export function contentWords(text: string): Set<string> {
  return new Set(wordForms(text).keys());
}

/** How an identifier is matched: lower-cased, separators dropped (`stripe_payment_intent_id` → `stripepaymentintentid`). */
function codeKey(token: string): string {
  return token.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Whether a token reads as code: CamelCase, snake_case, a dotted name or a file path. */
function isCode(token: string): boolean {
  if (/\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}/u.test(token) || /[\p{L}\p{N}]_[\p{L}\p{N}]/u.test(token)) return true;
  const separators = token.match(/[./]/g)?.length ?? 0;
  return separators > 0 && /[\p{L}\p{N}][./]\p{L}/u.test(token) && (separators >= 2 || /\.\p{L}{1,5}$/u.test(token));
}

/**
 * The code a text writes, keyed by {@link codeKey}: code spans (`` `npx depcheck` ``), quoted one-word
 * literals (`"confirmed"`) and identifiers.
 * With `parts`, also each two adjacent parts of an identifier joined (`payment_intent` → `paymentintent`).
 */
function codeForms(raw: string, parts: boolean): Map<string, string> {
  const forms = new Map<string, string>();
  const add = (key: string, form: string): void => {
    if (key.length >= 6 && !forms.has(key)) forms.set(key, form);
  };
  for (const [, span] of matchList(raw, /`([^`\n]{1,200})`/g)) add(codeKey(span!), span!.trim());
  // A quoted one-word literal is a value the system writes or shows: `status to "confirmed"`.
  for (const [, literal] of matchList(raw, /["“]([^"“”\s]{2,40})["”]/gu)) add(codeKey(literal!), `"${literal!}"`);
  for (const [token] of matchList(raw, /[\p{L}\p{N}][\p{L}\p{N}_./-]*[\p{L}\p{N}]/gu)) {
    if (!isCode(token)) continue;
    add(codeKey(token), token);
    if (!parts) continue;
    const pieces = token.split(/[_./-]+|(?<=\p{Ll})(?=\p{Lu})/u).filter((piece) => piece !== '');
    for (let i = 0; i + 1 < pieces.length; i += 1) add(codeKey(pieces[i]! + pieces[i + 1]!), token);
  }
  return forms;
}

/** Two adjacent words joined, keyed like code: `BibTeX format` → `bibtexformat`. */
function phraseForms(text: string): Map<string, string> {
  const forms = new Map<string, string>();
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  for (let i = 0; i + 1 < words.length; i += 1) {
    const key = codeKey(words[i]! + words[i + 1]!);
    if (key.length >= 8 && !forms.has(key)) forms.set(key, `${words[i]} ${words[i + 1]}`);
  }
  return forms;
}

/**
 * The written text of each task: its own line and the lines under it indented deeper (sub-items,
 * continuation lines), up to the next task or heading.
 */
export function taskBodies(tasks: Document, items: readonly Task[]): string[] {
  const indent = (line: string): number => line.length - line.trimStart().length;
  return items.map((task, index) => {
    const first = tasks.lines[task.line - 1] ?? task.text;
    const end = Math.min(items[index + 1]?.line ?? Infinity, tasks.lines.length + 1);
    const body = [first];
    for (let line = task.line + 1; line < end; line += 1) {
      const text = tasks.lines[line - 1]!;
      if (text.trim() === '') continue;
      if (indent(text) <= indent(first) || /^#{1,6}\s/.test(text.trimStart())) break;
      body.push(text);
    }
    return body.join('\n');
  });
}

/** Adds a task index to a posting list of an index (each task once per key). */
function post(index: Map<string, number[]>, key: string, task: number): void {
  const list = index.get(key);
  if (!list) index.set(key, [task]);
  else if (list[list.length - 1] !== task) list.push(task);
}

/** The shared words, then the shared code not already shown (`initiate cognito` is part of `initiate_cognito_login`). */
function sharedForms(words: readonly string[], code: readonly string[]): string[] {
  const shown: string[] = [];
  const keys: string[] = [];
  for (const form of [...words.slice(0, MAX_SHARED), ...code.slice(0, MAX_SHARED)]) {
    if (shown.length >= MAX_SHARED) break;
    const key = codeKey(form);
    if (keys.some((seen) => seen.includes(key))) continue;
    shown.push(form);
    keys.push(key);
  }
  return shown;
}

/**
 * The task that covers each requirement by wording, for the requirements some task covers so.
 *
 * A word of a requirement is distinctive when at most {@link DISTINCT_OTHERS} other requirement of
 * the spec uses it. A task covers the requirement when it shares at least {@link MIN_WORDS}
 * distinctive words, or code (a code span, a CamelCase or snake_case identifier, a file path, written
 * split or joined: `PaymentIntent` and `stripe_payment_intent_id`, `BibTeX format` and `BibTeXFormat`)
 * used by at most as many requirements; and when what it shares (the words, plus one for code) is at
 * least {@link WORD_SHARE} of the requirement's distinctive words, so a long requirement is not
 * covered by a task that repeats two of its names. Words inside an exclusion (`(excludes …)`) do not
 * count. The best task wins, the first on a tie.
 *
 * Task words are indexed once; each distinctive key is looked up, so the work is linear in the size
 * of the documents.
 */
export function wordingMatches(requirements: readonly Requirement[], tasks: Document, items: readonly Task[]): Map<string, WordingMatch> {
  const own = requirements.map((requirement) => {
    const text = requirement.text.replace(EXCLUSION, ' ');
    return { words: wordForms(text), code: codeForms(requirement.raw.replace(EXCLUSION, ' '), false), phrases: phraseForms(text) };
  });
  const uses = new Map<string, number>();
  for (const { words, code, phrases } of own) {
    for (const key of new Set([...words.keys(), ...code.keys(), ...phrases.keys()])) uses.set(key, (uses.get(key) ?? 0) + 1);
  }
  const distinct = (key: string): boolean => (uses.get(key) ?? 0) <= DISTINCT_OTHERS + 1;

  const byWord = new Map<string, number[]>();
  const byCode = new Map<string, number[]>();
  const byIdentifier = new Map<string, number[]>();
  taskBodies(tasks, items).forEach((body, task) => {
    for (const key of wordForms(body).keys()) post(byWord, key, task);
    for (const key of codeForms(body, true).keys()) {
      post(byCode, key, task);
      post(byIdentifier, key, task);
    }
    for (const key of phraseForms(body).keys()) post(byCode, key, task);
  });

  const result = new Map<string, WordingMatch>();
  requirements.forEach((requirement, r) => {
    const { words, code, phrases } = own[r]!;
    const keys = [...words.keys()].filter(distinct);
    // Each word key has its own written form, so a task's list needs no check for repeats.
    const shared = new Map<number, string[]>();
    const coded = new Map<number, Set<string>>();
    for (const key of keys) {
      for (const task of byWord.get(key) ?? []) {
        const list = shared.get(task);
        if (list) list.push(words.get(key)!);
        else shared.set(task, [words.get(key)!]);
      }
    }
    const addCode = (task: number, form: string): void => {
      const set = coded.get(task);
      if (set) set.add(form);
      else coded.set(task, new Set([form]));
    };
    for (const [key, form] of code) if (distinct(key)) for (const task of byCode.get(key) ?? []) addCode(task, form);
    for (const [key, form] of phrases) if (distinct(key)) for (const task of byIdentifier.get(key) ?? []) addCode(task, form);
    const need = Math.max(1, Math.ceil(keys.length * WORD_SHARE));
    let best: { task: number; score: number } | undefined;
    for (const task of new Set([...shared.keys(), ...coded.keys()])) {
      const count = shared.get(task)?.length ?? 0;
      const hasCode = coded.has(task);
      const score = count + (hasCode ? 1 : 0);
      if ((count < MIN_WORDS && !hasCode) || score < need) continue;
      if (!best || score > best.score || (score === best.score && task < best.task)) best = { task, score };
    }
    if (best) result.set(requirement.id, { task: items[best.task]!.name, shared: sharedForms(shared.get(best.task) ?? [], [...coded.get(best.task) ?? []]) });
  });
  return result;
}
