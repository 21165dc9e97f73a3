import type { Document } from '../../types.js';
import { compareVersions, namesPrinciple, principles, sectionTitled, versionOf, type Principle } from './read-constitution.js';
import { matchList } from '../../markdown/matches.js';

const CITED = /\bConstitution\b[^|\n]{0,20}?\bv(?:ersion)?\s*(?:[:：]\s*)?(\d+\.\d+(?:\.\d+)?)\b/gi;
// The Gen-1 template hard-coded this footer, so it proves nothing about the version checked.
const TEMPLATE_FOOTER = /Based on Constitution v2\.1\.1\s*-\s*See\s+\/memory\/constitution\.md/i;
// spec-kit's unfilled Gen-2 placeholder; another rule reports it.
const PLACEHOLDER = /\[Gates determined based on constitution file\]/i;
const CHECK_TITLE = /Constitution\s+Check|Constitution\s+Compliance|合规|憲法|Constitui/i;
const DATE = /\b(\d{4}-\d{2}-\d{2})\b/;
// `December 9, 2025`, `Dec 9 2025`.
const WORDED_DATE = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// How many principles a Constitution Check names before it is read as following the constitution's list.
const MIN_NAMED = 2;
// How far into a plan its header runs.
const HEADER_LINES = 15;

/** The older constitution versions a plan cites, each with the lines that cite it (the template footer left out). */
export function outdatedCitations(plan: Document, current: string): Map<string, number[]> {
  const citations = new Map<string, number[]>();
  plan.prose.forEach((text, index) => {
    if (TEMPLATE_FOOTER.test(text)) return;
    for (const match of matchList(text, CITED)) {
      const cited = match[1]!;
      // `Constitution updated: v1.0.0 → v1.1.0` records a change; the old version is history.
      if (/^\s*(?:→|->|=>|to)\s*v?\d/.test(text.slice((match.index ?? 0) + match[0].length))) continue;
      if (compareVersions(cited, current) >= 0) continue;
      const lines = citations.get(cited) ?? [];
      if (!lines.includes(index + 1)) lines.push(index + 1);
      citations.set(cited, lines);
    }
  });
  return citations;
}

/** The constitution's `**Last Amended**: YYYY-MM-DD`. */
export function lastAmended(constitution: Document): string | undefined {
  for (const text of constitution.prose) {
    const match = /\bLast Amended\**\s*[:：]\s*\**\s*(\d{4}-\d{2}-\d{2})\b/i.exec(text);
    if (match) return match[1];
  }
  return undefined;
}

/** The plan's `**Date**:` in its header, as `YYYY-MM-DD` (`2025-12-09` or `December 9, 2025`). */
export function planDate(plan: Document): string | undefined {
  for (const text of plan.prose.slice(0, HEADER_LINES)) {
    const field = /\*\*Date\*\*\s*[:：]\s*([^|]*)/i.exec(text)?.[1];
    if (field === undefined) continue;
    const iso = DATE.exec(field);
    if (iso) return iso[1];
    const worded = WORDED_DATE.exec(field);
    if (worded) return `${worded[3]}-${String(MONTHS.indexOf(worded[1]!.toLowerCase()) + 1).padStart(2, '0')}-${worded[2]!.padStart(2, '0')}`;
  }
  return undefined;
}

/**
 * Whether a plan was checked against an earlier constitution: it cites an older version, or
 * its date is before the constitution's last amendment. Such a plan answers for the
 * principles it knew; `constitution-version-current` reports it once.
 */
export function predatesConstitution(plan: Document, constitution: Document): boolean {
  const current = versionOf(constitution);
  if (current && outdatedCitations(plan, current.version).size > 0) return true;
  const amended = lastAmended(constitution);
  const date = planDate(plan);
  return amended !== undefined && date !== undefined && date < amended;
}

/** The plan's Constitution Check and the principles it does not name; undefined when that cannot be decided. */
export function unaddressedPrinciples(plan: Document, constitution: Document): { line: number; missing: Principle[] } | undefined {
  const list = principles(constitution);
  const section = sectionTitled(plan, CHECK_TITLE);
  if (list.length === 0 || !section) return undefined;
  const body = plan.prose
    .slice(section.line, section.endLine)
    .map((line) => line.replace(PLACEHOLDER, '').replace(/^\s*[_*]+GATE:.*$/i, ''))
    .join('\n');
  if (body.trim() === '') return undefined;
  const missing = list.filter((principle) => !namesPrinciple(body, principle, true));
  // A check that names fewer than two of the principles speaks its own vocabulary (a
  // translation, the constitution's rules as its own bullets, where one of them can match a
  // principle's name by accident): what it covers cannot be decided. One that names two or
  // more is held to all of them.
  if (list.length - missing.length < Math.min(MIN_NAMED, list.length)) return undefined;
  // A table of one row per principle (`| G1 | Clean Architecture | ✅ |` for `I. Arquitetura …`)
  // addresses each by position, in its own words: not decided by names.
  if (missing.length > 0 && onePerPrinciple(plan, section, list.length)) return undefined;
  return { line: section.line, missing };
}

// A gate id that numbers the rows of a check table: `G1`, `P2`, `3`, `III`.
const ROW_ID = /^(?:[A-Z]{1,2}-?)?(\d{1,2})\.?$/;

/** Whether a table in the check section numbers its rows 1..count, one row per principle. */
function onePerPrinciple(plan: Document, section: { line: number; endLine: number }, count: number): boolean {
  return plan.tables.some((table) => table.line > section.line && table.line <= section.endLine && table.rows.length === count
    && table.rows.every((row, index) => Number(ROW_ID.exec(row.cells[0]?.trim() ?? '')?.[1]) === index + 1));
}

/** `` `VIII. Component Library`, `IX. Design` `` */
export function principleNames(list: readonly Principle[]): string {
  return list.map((principle) => `\`${principle.numeral}. ${principle.name}\``).join(', ');
}
