import type { Document } from '../../types.js';

/** One `- Q: question → A: answer` bullet recorded under a document's `## Clarifications`. */
export interface ClarificationAnswer {
  /** 1-based line of the bullet. */
  line: number;
  question: string;
  answer: string;
}

// The section spec-kit's /clarify writes, in English and in translations: `## Clarifications`,
// `## 2. Clarifications`, `## Clarificações`. Exact titles only: `## Clarifications Needed` lists open topics.
const CLARIFICATIONS = /^(?:\d+(?:\.\d+)*\.?\s+)?(?:clarifications?|clarificações|clarificacoes|aclaraciones|éclaircissements|klärungen|澄清(?:说明|事项)?|澄清事項|明確化|確認事項|уточнения|명확화)[ \t]*[:：]?$/iu;

// `- Q: question → A: answer`, also `**Q**:`, `->`, `=>` and a full-width colon; found in two steps
// (the bullet's start, then the arrow) so a long line cannot make either pattern backtrack.
const QUESTION_START = /^[ \t]*(?:[-*+]|\d+[.)])[ \t]+(?:\*\*|__)?Q(?:\*\*|__)?[ \t]*[:：](?:\*\*|__)?/;
const ANSWER_START = /(?:→|->|=>|⇒)[ \t]*(?:\*\*|__)?A(?:\*\*|__)?[ \t]*[:：](?:\*\*|__)?/;

// Words that carry no content in a question (English and Portuguese, the languages seen asking).
const STOPWORDS = new Set([
  'the', 'and', 'for', 'with', 'what', 'which', 'who', 'whom', 'how', 'why', 'when', 'where', 'should', 'would',
  'could', 'can', 'will', 'shall', 'does', 'did', 'are', 'was', 'were', 'been', 'being', 'this', 'that', 'these',
  'those', 'from', 'into', 'onto', 'not', 'any', 'all', 'our', 'its', 'their', 'there', 'have', 'has', 'had',
  'use', 'used', 'using', 'via', 'must', 'may', 'yet', 'specified', 'unclear', 'clarify', 'clarification', 'needed',
  'need', 'needs', 'que', 'qual', 'quais', 'como', 'deve', 'devem', 'para', 'com', 'uma', 'dos', 'das', 'pelo', 'pela',
]);

/** Shared content words needed, at least, for a match by overlap. */
const MIN_SHARED = 3;
/** Share of the shorter question's content words the other must hold for a match by overlap. */
const MIN_OVERLAP = 0.75;
/** Content words the shorter question must have to be matched by containment. */
const MIN_CONTAINED = 2;

/**
 * The answers recorded under a document's Clarifications sections (any depth, sessions
 * included), in line order. Code and comments are not read.
 */
export function clarificationAnswers(document: Document): ClarificationAnswer[] {
  const answers: ClarificationAnswer[] = [];
  for (const section of document.sections) {
    if (!CLARIFICATIONS.test(section.title)) continue;
    for (let line = section.line + 1; line <= section.endLine; line++) {
      if (!QUESTION_START.test(document.prose[line - 1] ?? '') || answers.some((answer) => answer.line === line)) continue;
      // The raw line keeps inline code the prose blanks (`Draft` -> `Approved`).
      const parsed = parseAnswer(document.lines[line - 1] ?? '');
      if (parsed) answers.push({ line, ...parsed });
    }
  }
  return answers.sort((a, b) => a.line - b.line);
}

/** The question and answer of a `- Q: … → A: …` line, or undefined. */
function parseAnswer(text: string): { question: string; answer: string } | undefined {
  const start = QUESTION_START.exec(text);
  if (!start) return undefined;
  const rest = text.slice(start[0].length);
  const arrow = ANSWER_START.exec(rest);
  if (!arrow) return undefined;
  const question = rest.slice(0, arrow.index).trim();
  const answer = rest.slice(arrow.index + arrow[0].length).replace(/\*\*|__/g, '').trim();
  return question ? { question, answer } : undefined;
}

/**
 * The recorded answer to a marker's question, or undefined. Both questions are normalised
 * (NFKC, lower case, punctuation and symbols to spaces, single spaces); they match when
 * - they are equal, or
 * - one contains the other on word boundaries and the shorter has at least two content words, or
 * - they share at least three content words (words of three or more letters, stopwords left out)
 *   and those are at least three quarters of the shorter question's content words.
 * The best overlap wins; ties go to the earliest answer. Deterministic and strict on purpose:
 * a question that only shares a topic word stays open.
 */
export function answerFor(question: string, answers: readonly ClarificationAnswer[]): ClarificationAnswer | undefined {
  const marker = normalise(question);
  if (!marker) return undefined;
  let best: ClarificationAnswer | undefined;
  let bestScore = 0;
  for (const answer of answers) {
    const score = similarity(marker, normalise(answer.question));
    if (score > bestScore) {
      best = answer;
      bestScore = score;
    }
  }
  return best;
}

/** 2 for the same question, 1.5 for containment, the overlap share for shared words, else 0. */
function similarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 2;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (` ${long} `.includes(` ${short} `) && contentWords(short).size >= MIN_CONTAINED) return 1.5;
  const left = contentWords(a);
  const right = contentWords(b);
  const shared = [...left].filter((word) => right.has(word)).length;
  const overlap = shared / Math.min(left.size, right.size);
  return shared >= MIN_SHARED && overlap >= MIN_OVERLAP ? overlap : 0;
}

/** Lower case, markup and punctuation to spaces, single-spaced. */
function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

function contentWords(normalised: string): Set<string> {
  return new Set(normalised.split(' ').filter((word) => [...word].length >= 3 && !STOPWORDS.has(word)));
}
