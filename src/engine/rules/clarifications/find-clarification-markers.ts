import type { Document } from '../../types.js';
import { unclosedFenceLines } from '../completeness/fences.js';
import { answerFor, clarificationAnswers } from './clarification-answers.js';
import { matchList } from '../../markdown/matches.js';

/** One actionable `[NEEDS CLARIFICATION: question]` marker. */
export interface ClarificationMarker {
  /** 1-based line of the marker. */
  line: number;
  /** 1-based column of the marker's opening bracket. */
  column: number;
  /** The question, markup stripped; never empty. */
  question: string;
  /**
   * How the question is marked when it is not a `[NEEDS CLARIFICATION: …]` marker: a `TBD`
   * or an item of an open-questions section (Kiro documents).
   */
  form?: 'tbd' | 'open-question';
}

/** A marker whose question is already answered under the document's `## Clarifications`. */
export interface StaleClarificationMarker extends ClarificationMarker {
  /** 1-based line of the `- Q: … → A: …` bullet that answers it. */
  answerLine: number;
  /** The recorded answer, markup stripped. */
  answer: string;
}

// `[NEEDS CLARIFICATION: q]`, `(NEEDS CLARIFICATION: q)`, `[**NEEDS CLARIFICATION**: q]`,
// `[NEEDS CLARIFICATION Q6: q]`, odd spacing and case, full-width colon, a dash for a colon.
// The closing bracket may fall on a later line when a paragraph wraps, so it is optional.
// No two whitespace runs are adjacent: a long run of spaces must not make it backtrack.
const MARKER =
  /([[(])[ \t]*(?:(?:\*\*|__)[ \t]*)?needs[ \t_-]*clarifications?[ \t]*(?:(?:\*\*|__)[ \t]*)?(?:([A-Z]{1,4}[-#]?\d+[a-z]?|#\d+)[ \t]*)?(?:[:：]|(?<=[ \t])[-–—])/gi;

// A bare marker used as a label for the question that follows it: `2. **[NEEDS CLARIFICATION]**: What ...?`
const LABEL = /^([ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?(?:\*\*|__)?)\[[ \t]*needs[ \t_-]*clarification[ \t]*\](?:\*\*|__)?[ \t]*[:：][ \t]*(\S.*)$/i;

// Unbracketed and upper-case only, to stay clear of prose: `- NEEDS CLARIFICATION: PK/SK structure`.
const BARE = /(?:^|[\s—–-])NEEDS[ \t]+CLARIFICATION[ \t]*[:：][ \t]*(\S.*)$/;

// Questions that only show the syntax: "Use [NEEDS CLARIFICATION: specific question] for ...".
const SYNTAX_ONLY = /^(?:…|\.{2,}|specific question|question|your question|<[^>]*>|x{1,3}|reason|details?|\.\.\. ?)$/i;

// Checklist items that talk about markers ("- [x] No [NEEDS CLARIFICATION: ...] markers remain").
const MENTION_ITEM = /marker|marcador|标记|マーカー|маркер|\bremain|\bresolved|\bno\b|\bzero\b|nenhum|sem\b/i;

// The gen-1 spec template's introduction to its example markers: `*Example of marking unclear requirements:*`,
// and translations. A whole-line emphasis holding both an "example" word and an "unclear" word.
// Matched against the trimmed line, so no two whitespace runs meet.
const EMPHASISED_LINE = /^(\*\*?|__?)(.+?)\1[:：]?$/;
/** Longer lines are prose, not the template's one-line introduction. */
const INTRO_LIMIT = 200;
const EXAMPLE_WORD = /example|exemplo|ejemplo|exemple|beispiel|пример|示例|范例|例|예시|예/iu;
const UNCLEAR_WORD = /unclear|ambiguous|clarif|não clar|nao clar|pouco clar|poco clar|unklar|неясн|неточн|不明确|不明確|不清|模糊|불명확|모호/iu;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+\S/;

/**
 * Finds every actionable clarification marker in a document's prose (code, inline code and
 * HTML comments are already blanked; the body of a fence that never closes is read as written), skipping headings, syntax examples, checklist items
 * that only mention the marker, the spec template's own example block and markers already
 * answered under `## Clarifications` (those are stale: see `findStaleClarificationMarkers`).
 * Pure; the App reuses it to keep one issue per open marker.
 */
export function findClarificationMarkers(document: Document): ClarificationMarker[] {
  const answers = clarificationAnswers(document);
  const markers = candidateMarkers(document).filter((marker) => !answerFor(marker.question, answers));
  if (document.family !== 'kiro') return markers;
  // Kiro's templates have no marker syntax: its open questions are `TBD`s and open-questions sections.
  const marked = new Set(markers.map((marker) => marker.line));
  const open = kiroOpenQuestions(document).filter((marker) => !marked.has(marker.line) && !answerFor(marker.question, answers));
  return [...markers, ...open].sort((a, b) => a.line - b.line || a.column - b.column);
}

const OPEN_QUESTIONS_HEADING = /^(?:open|unresolved|outstanding|pending)\s+questions\b|^questions\b/i;
const TOP_LIST_ITEM = /^( ?(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)(\S.*)$/;
const CLOSED_ITEM = /^ ?(?:[-*+]|\d+[.)])[ \t]+\[[xX]\]|~~|\b(?:resolved|answered|decided)\b/i;
const NO_QUESTION = /^(?:none|n\/a|-+|—|nothing(?: open)?|no open questions)\.?$/i;
const TBD = /\bTBD\b/;

/**
 * The open questions of a Kiro document: each item of an open-questions section (`## Open
 * Questions`, `### Questions`) that is not ticked, struck through or marked resolved, and
 * each line holding an upper-case `TBD`. One per line; headings of such sections are not questions.
 */
export function kiroOpenQuestions(document: Document): ClarificationMarker[] {
  const found = new Map<number, ClarificationMarker>();
  for (const section of document.sections.filter((s) => OPEN_QUESTIONS_HEADING.test(s.title))) {
    for (let line = section.line + 1; line <= section.endLine; line++) {
      const text = document.prose[line - 1] ?? '';
      const item = TOP_LIST_ITEM.exec(text);
      if (!item || CLOSED_ITEM.test(text)) continue;
      const question = plainQuestion(item[2]!);
      if (question && !NO_QUESTION.test(question)) found.set(line, { line, column: item[1]!.length + 1, question, form: 'open-question' });
    }
  }
  const headings = new Set(document.sections.filter((s) => OPEN_QUESTIONS_HEADING.test(s.title)).map((s) => s.line));
  document.prose.forEach((text, index) => {
    const line = index + 1;
    const match = TBD.exec(text);
    if (!match || found.has(line) || headings.has(line)) return;
    const question = plainQuestion(text);
    if (question) found.set(line, { line, column: match.index + 1, question, form: 'tbd' });
  });
  return [...found.values()];
}

/** A line as a question: list markers, checkboxes, table pipes, heading marks and emphasis removed. */
function plainQuestion(text: string): string {
  return text
    .replace(/^\s*(?:#{1,6}\s+|(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?)/, '')
    .replace(/\s*\|\s*/g, ' | ')
    .replace(/^\s*\|\s*|\s*\|\s*$/g, '')
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The markers whose question a `- Q: … → A: …` bullet under the document's
 * `## Clarifications` already answers (see `answerFor` for what counts as the same question):
 * the marker was left behind, the question is not open. Pure.
 */
export function findStaleClarificationMarkers(document: Document): StaleClarificationMarker[] {
  const answers = clarificationAnswers(document);
  const stale: StaleClarificationMarker[] = [];
  for (const marker of candidateMarkers(document)) {
    const answer = answerFor(marker.question, answers);
    if (answer) stale.push({ ...marker, answerLine: answer.line, answer: answer.answer });
  }
  return stale;
}

/** Every marker that is not a mention or a template example, answered or not. */
function candidateMarkers(document: Document): ClarificationMarker[] {
  const headings = new Set(document.sections.map((section) => section.line));
  const mentionItems = new Set(document.checkboxes.filter((box) => MENTION_ITEM.test(box.text)).map((box) => box.line));
  const examples = templateExampleLines(document.prose);
  // A fence that never closes hides what its author meant as prose: its body is read as written.
  const unclosed = unclosedFenceLines(document);
  const markers: ClarificationMarker[] = [];
  document.prose.forEach((prose, index) => {
    const text = unclosed.has(index + 1) ? document.lines[index]! : prose;
    const line = index + 1;
    if (headings.has(line) || mentionItems.has(line) || examples.has(line) || !/clarification/i.test(text)) return;
    markers.push(...markersInLine(text, line));
  });
  return markers;
}

/**
 * Lines of the template's example block: the list directly after an emphasised
 * "Example of marking unclear requirements:" line (one blank line allowed before it), up to
 * the first blank or non-list line. A requirement after that is the author's own.
 */
function templateExampleLines(prose: readonly string[]): Set<number> {
  const lines = new Set<number>();
  prose.forEach((text, index) => {
    const trimmed = text.trim();
    if (trimmed.length > INTRO_LIMIT || !EXAMPLE_WORD.test(trimmed) || !UNCLEAR_WORD.test(trimmed)) return;
    const intro = EMPHASISED_LINE.exec(trimmed);
    if (!intro || !EXAMPLE_WORD.test(intro[2]!) || !UNCLEAR_WORD.test(intro[2]!)) return;
    let next = index + 1;
    if ((prose[next] ?? '').trim() === '') next++;
    if (!LIST_ITEM.test(prose[next] ?? '')) return;
    for (; next < prose.length; next++) {
      const body = prose[next]!;
      if (body.trim() === '' || (!LIST_ITEM.test(body) && !/^\s/.test(body))) break;
      lines.add(next + 1);
    }
  });
  return lines;
}

function markersInLine(text: string, line: number): ClarificationMarker[] {
  const found: ClarificationMarker[] = [];
  const label = LABEL.exec(text);
  if (label) {
    const question = cleanQuestion(label[2]!);
    if (question) found.push({ line, column: label[1]!.length + 1, question });
    return found;
  }
  let consumed = 0;
  if (!/[[(][ \t]*(?:(?:\*\*|__)[ \t]*)?needs[ \t_-]*clarification/i.test(text)) {
    const bare = BARE.exec(text);
    const question = bare ? cleanQuestion(bare[1]!) : '';
    if (bare && question) found.push({ line, column: bare.index + bare[0].indexOf('NEEDS') + 1, question });
    return found;
  }
  for (const match of matchList(text, MARKER)) {
    if (match.index < consumed) continue;
    const closer = match[1] === '[' ? ']' : ')';
    const rest = text.slice(match.index + match[0].length);
    const end = closingIndex(rest, closer);
    consumed = end < 0 ? text.length : match.index + match[0].length + end + 1;
    const question = cleanQuestion(end < 0 ? rest : rest.slice(0, end));
    if (question) found.push({ line, column: match.index + 1, question });
  }
  return found;
}

/** Strips emphasis and spacing; '' for syntax-only examples. */
function cleanQuestion(raw: string): string {
  const question = raw.replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim();
  return SYNTAX_ONLY.test(question) ? '' : question;
}

/** Index of the bracket closing the marker, allowing balanced pairs inside the question. */
function closingIndex(text: string, closer: string): number {
  const opener = closer === ']' ? '[' : '(';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === opener) depth++;
    else if (char === closer) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}
