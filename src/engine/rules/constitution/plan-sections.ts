import type { Document, Section } from '../../types.js';

/** Headings of a plan's constitution check, in English and in the translations seen in real plans. */
export const CONSTITUTION_CHECK =
  /constitution(al)?\s+(check|re-?check|compliance|re-?evaluation|gates?)|verifica[çc][ãa]o\s+d[ae]\s+constitui[çc][ãa]o|宪法检查|章程检查|宪章检查|原则检查|宪法合规|憲法チェック|憲章チェック|проверка\s+конституци|verificaci[óo]n\s+de\s+(la\s+)?constituci[óo]n/i;

/** Headings of the Complexity Tracking section and its translations. */
export const COMPLEXITY_TRACKING =
  /complexity\s+tracking|复杂度追踪|复杂度跟踪|複雑性(の)?(追跡|トラッキング)|rastreamento\s+de\s+complexidade|acompanhamento\s+de\s+complexidade|controle\s+de\s+complexidade|seguimiento\s+de\s+complejidad|отслеживание\s+сложности/i;

// The template's Complexity Tracking table header (`| Violation | Why Needed | Simpler Alternative ... |`),
// recognised on its own because plans often delete the heading and leave the table.
const COMPLEXITY_HEADER = /^(violation|违规|违反|違反|viola[çc][ãa]o|violaci[óo]n|нарушение)/i;
const WHY_NEEDED = /why needed|justification|rationale|reason|为什么需要|为何需要|必要性|理由|原因|なぜ必要|por que|por qu[ée]|justificativa|justificaci[óo]n|почему|обоснование/i;

/** Whether a table's header is the Complexity Tracking template's. */
export function isComplexityHeader(cells: readonly string[]): boolean {
  return cells.length >= 2 && COMPLEXITY_HEADER.test(cells[0]!.replace(/\*\*|__/g, '').trim()) && WHY_NEEDED.test(cells[1]!);
}

/** Sections whose heading matches, outermost first; a section nested in another match is dropped. */
export function sectionsTitled(document: Document, pattern: RegExp): Section[] {
  const matches = document.sections.filter((section) => section.depth >= 2 && pattern.test(section.title));
  return matches.filter((section) => !matches.some((outer) => outer !== section && outer.line < section.line && outer.endLine >= section.endLine));
}

/** Body line numbers of the sections (headings excluded), ascending and unique. */
export function bodyLines(document: Document, sections: readonly Section[]): number[] {
  const headings = new Set(document.sections.map((section) => section.line));
  const lines = new Set<number>();
  for (const section of sections) {
    for (let line = section.line + 1; line <= section.endLine; line++) if (!headings.has(line)) lines.add(line);
  }
  return [...lines].sort((a, b) => a - b);
}

// The template's own instruction line under the heading: `*GATE: Must pass before Phase 0 research...*`.
const GATE_NOTE = /^[*_>\s]*(GATE|关卡|門|PORTÃO|GATILHO)\s*[:：]/i;

/** Whether a prose line is the template's gate note or blank, i.e. carries nothing the author wrote. */
export function isBoilerplate(text: string): boolean {
  return text.trim() === '' || GATE_NOTE.test(text) || /^\s*[-*_]{3,}\s*$/.test(text);
}

/** Whether the plan reads as written from spec-kit's plan template (so a constitution check is expected). */
export function looksLikeTemplatePlan(document: Document): boolean {
  const titles = document.sections.map((section) => section.title);
  let signals = 0;
  if (titles.some((title) => /^(technical context|技术背景|技术上下文|contexto t[ée]cnico)/i.test(title)) && /\*\*(Language\/Version|语言\/版本|Linguagem\/Vers[ãa]o)\*\*/i.test(document.text)) signals++;
  if (titles.some((title) => COMPLEXITY_TRACKING.test(title))) signals++;
  if (titles.some((title) => /^(progress tracking|execution flow)/i.test(title))) signals++;
  if (titles.some((title) => /^(project structure|estrutura do projeto|项目结构)/i.test(title))) signals++;
  if (/^\*\*Branch\*\*:.*\|\s*\*\*Date\*\*/m.test(document.text)) signals++;
  return signals >= 2;
}
