import type { Document } from '../../types.js';

/** A requirement (`FR-001`) or success criterion (`SC-001`) as a spec defines it. */
export interface Requirement {
  id: string;
  line: number;
  /** The definition's text after the id, markup stripped. */
  text: string;
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

/** Every requirement and success criterion a spec defines (first definition of each id wins). */
export function requirementDefinitions(spec: Document): Requirement[] {
  const found = new Map<string, Requirement>();
  const stories = userStories(spec);
  spec.prose.forEach((raw, index) => {
    if (!raw.includes('FR-') && !raw.includes('SC-')) return;
    const indent = raw.length - raw.trimStart().length;
    const match = DEFINITION.exec(raw.trimStart());
    if (!match) return;
    const id = match[1]!.replace(/^(FR|SC)-(\d+)([a-z]?)$/, (_, p: string, d: string, s: string) => canonicalId(p, d, s));
    if (found.has(id)) return;
    const line = index + 1;
    const text = (spec.lines[index] ?? raw).slice(indent + match[0].length).replace(/[*_`|]/g, ' ').replace(/\s+/g, ' ').trim();
    found.set(id, { id, line, text, stories: requirementStories(spec, stories, line) });
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
function requirementStories(spec: Document, stories: Story[], line: number): Set<number> {
  const result = new Set<number>();
  const own = spec.prose[line - 1] ?? '';
  for (const match of own.matchAll(/\b(?:User Story|US)\s*#?(\d{1,3})\b/gi)) result.add(Number(match[1]));
  for (const section of spec.sections) {
    if (section.line >= line || section.endLine < line) continue;
    for (const story of headingStories(section.title)) result.add(story);
  }
  const id = /\b(?:FR|SC)-\d+[a-z]?\b/.exec(own)?.[0];
  if (id) {
    for (const story of stories) {
      if (line >= story.line && line <= story.endLine) continue;
      const body = spec.prose.slice(story.line, story.endLine).join('\n');
      if (referencedIds([body]).has(canonical(id))) result.add(story.number);
    }
  }
  return result;
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
    for (const match of text.matchAll(ID)) {
      add(canonicalId(match[1]!, match[2]!, match[3]), index + 1);
      for (const id of continuedIds(text, match[1]!, match[2]!.length, match.index + match[0].length)) add(id, index + 1);
    }
    for (const match of text.matchAll(RANGE)) {
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
  for (const match of title.matchAll(STORY_NAMES)) {
    const plural = /ies$/i.test(match[1]!);
    let previous = Number(match[2]);
    result.add(previous);
    for (const more of match[3]!.matchAll(STORY_MORE)) {
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
    for (const match of raw.matchAll(/\[\s*US\s*(\d{1,3})\s*\]/gi)) labels.add(Number(match[1]));
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
