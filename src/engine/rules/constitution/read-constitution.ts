import picomatch from 'picomatch';
import type { Document, Section } from '../../types.js';
import { matchList } from '../../markdown/matches.js';
import { oncePer } from '../../rule.js';

/** A principle of the constitution: `### I. Library-First`, optionally `(NON-NEGOTIABLE)`. */
export interface Principle {
  numeral: string;
  name: string;
  line: number;
  nonNegotiable: boolean;
}

// Where spec-kit keeps the constitution, relative to a package root, most preferred first.
const PREFERRED = ['.specify/memory/constitution.md', 'memory/constitution.md'];
// Spec Kitty keeps its own constitution; its `kitty-specs/` plans answer to that one.
const KITTY = { specs: /(?:^|\/)kitty-specs\//, constitution: '.kittify/memory/constitution.md' };
// Second words of a principle's name that add nothing to its first (`Testing Standards`).
const GENERIC_TAIL = /^(?:standards?|excellence|architecture|development|practices?|principles?|requirements?|discipline|guidelines?)$/;
const TEST_FIRST = ['test first', 'tests first', 'tdd', 'test driven', 'red green'];
const HEADING = /^([IVXLC]+|\d{1,2})[.)]\s+(.+)$/;
const PRINCIPLES_SECTION = /principles|princ[ií]pios|principios|prinzipien|原则|原則|원칙|принцип/i;

/**
 * The constitution that governs a document among the documents of the run, if any. For a
 * document under `kitty-specs/`, only Spec Kitty's `.kittify/memory/constitution.md` (a
 * repository using both tools keeps two constitutions, and the other one is not this
 * plan's). Otherwise a configured path wins (`configured`, the config's `constitution`
 * list of paths or globs, first entry first, when it is not the default list; among several
 * matches of one entry the nearest); then the nearest
 * `.specify/memory/constitution.md` (or `memory/constitution.md`) in a folder above the
 * document (spec-kit monorepos keep one `.specify/` per package); then any other.
 */
export function findConstitution(all: readonly Document[], of?: Document, configured?: readonly string[]): Document | undefined {
  const candidates = constitutionsOf(all);
  if (of && KITTY.specs.test(of.path)) return candidates.find((document) => document.path.endsWith(KITTY.constitution));
  const own = candidates.filter((document) => !document.path.endsWith(KITTY.constitution));
  const path = of?.path ?? '';
  if (configured && !isDefaultList(configured)) {
    for (const glob of configured) {
      const matches = own.filter((document) => picomatch.isMatch(document.path, glob, { dot: true }));
      if (matches.length > 0) return nearest(matches, path) ?? matches[0];
    }
  }
  return nearest(own, path) ?? own[0];
}

/** The repository-level constitutions among the documents of a run, once per run. */
const constitutionsOf = oncePer((all: readonly Document[]) => all.filter((document) => document.kind === 'constitution' && document.feature === ''));

function isDefaultList(list: readonly string[]): boolean {
  return list.length === PREFERRED.length && list.every((path, index) => path === PREFERRED[index]);
}

/** The constitution in the deepest folder above `path` (the repository root last). */
function nearest(own: readonly Document[], path: string): Document | undefined {
  const folders = path.split('/').slice(0, -1);
  for (let depth = folders.length; depth >= 0; depth -= 1) {
    const prefix = folders.slice(0, depth).map((folder) => `${folder}/`).join('');
    const found = PREFERRED.map((relative) => own.find((document) => document.path === `${prefix}${relative}`)).find(Boolean);
    if (found) return found;
  }
  return undefined;
}

/**
 * The numbered principles of a constitution; template placeholders (`[PRINCIPLE_1_NAME]`)
 * are not principles. When a `Principles` section holds numbered headings, only those
 * count: numbered headings elsewhere (`## Development Process` / `### 1. Specification
 * First`) are steps, not principles.
 */
export function principles(constitution: Document): Principle[] {
  const all = numberedHeadings(constitution);
  const within = constitution.sections.find((section) => section.depth <= 2 && PRINCIPLES_SECTION.test(section.title));
  const inside = within ? all.filter((principle) => principle.line > within.line && principle.line <= within.endLine) : [];
  return inside.length > 0 ? inside : all;
}

function numberedHeadings(constitution: Document): Principle[] {
  const result: Principle[] = [];
  for (const section of constitution.sections) {
    if (section.depth < 2 || section.depth > 4) continue;
    const match = HEADING.exec(section.title);
    if (!match || /\[[A-Z0-9_]+\]/.test(match[2]!)) continue;
    const body = constitution.prose.slice(section.line - 1, Math.min(section.endLine, section.line + 2)).join(' ');
    result.push({
      numeral: match[1]!,
      name: match[2]!.replace(/\(?\s*NON-NEGOTIABLE\s*\)?/i, '').trim(),
      line: section.line,
      nonNegotiable: /NON-NEGOTIABLE/i.test(body),
    });
  }
  return result;
}

/** `**Version**: 1.2.0` of a constitution (prose only, so an example in a comment never counts). */
export function versionOf(document: Document): { version: string; line: number } | undefined {
  for (const [index, text] of document.prose.entries()) {
    const match = /\bVersion\**\s*[:：]\s*(?:\*+\s*)?v?(\d+\.\d+(?:\.\d+)?)\b/i.exec(text);
    if (match) return { version: match[1]!, line: index + 1 };
  }
  return undefined;
}

/** Compares dotted versions: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Whether `word` stands as a label in the text: `**Testing**`, `Testing:`, `| Testing |`. */
function isLabel(text: string, word: string): boolean {
  return new RegExp(`(?:\\*\\*|^|\\|)[\\s-]*${word}\\s*(?:\\*\\*|:|\\||\\(|$)`, 'im').test(text);
}

// Callers ask about every principle of a constitution against one text: it is normalised once.
let lastText: string | undefined;
let lastHaystack = '';
function haystackOf(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastHaystack = ` ${normalise(text)} `;
  }
  return lastHaystack;
}

/** Lower-case letters and digits only, single-spaced: how principle names are compared. */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The first section whose title matches. */
export function sectionTitled(document: Document, title: RegExp): Section | undefined {
  return document.sections.find((section) => title.test(section.title));
}

/**
 * Whether a text names a principle. `loose` also accepts one word-part of the name
 * (`Simplicity` for `Observability, Versioning & Simplicity`) and the parenthesised
 * short form (`TDD`); strict matching wants the whole name or `Principle IV`.
 */
export function namesPrinciple(text: string, principle: Principle, loose: boolean): boolean {
  const haystack = haystackOf(text);
  const bare = principle.name.replace(/\([^)]*\)/g, ' ');
  const names = [bare];
  if (loose) {
    names.push(...bare.split(/[,&/:–—]|\s-\s|\band\b|\bund\b|\be\b|\by\b/));
    names.push(...matchList(principle.name, /\(([^)]+)\)/g).map((m) => m[1]!));
    // `Documentation-First` for `Documentation-First Development`: a trailing generic word dropped.
    names.push(...names.map((name) => normalise(name).split(' ')).filter((words) => words.length >= 3).map((words) => words.slice(0, -1).join(' ')));
    // `**Testing**:` for `Testing Standards`: a two-word name whose second word says only what
    // kind of rule it is, shortened to its first word, counts only as a label (bold, before a
    // colon, in a cell): `React Testing Library` in a sentence names no principle.
    const short = normalise(bare).split(' ');
    if (short.length === 2 && GENERIC_TAIL.test(short[1]!) && short[0]!.length >= 4 && isLabel(text, short[0]!)) return true;
    // `TDD` and `tests first` for `Test-First`.
    if (/\btest\s*first\b|\btdd\b|\btest\s*driven\b/.test(normalise(principle.name))) names.push(...TEST_FIRST);
  }
  if (names.some((name) => normalise(name).length >= 3 && haystack.includes(` ${normalise(name)} `))) return true;
  const n = principle.numeral;
  const strict = new RegExp(`(?:Principle|Article|Art\\.?|Princ[ií]pio|Principio|原则|§)\\s*${n}\\b`, 'i');
  if (strict.test(text)) return true;
  if (!loose) return false;
  const listed = new RegExp(`(?:^|[\\s|(*])${n}(?:[.):]\\s|\\s[-–—]\\s|\\)|\\s*\\|)`, 'm');
  return listed.test(text) || (n.length > 1 && /[IVX]/.test(n) && new RegExp(`\\b${n}\\b`).test(text));
}
