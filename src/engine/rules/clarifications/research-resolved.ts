import type { Document, Section } from '../../types.js';

// The plan template's section, as written in English and in the translations seen in real repositories
// (技术上下文, 技术背景, Contexto Técnico) or made by spec-kit's translated templates. An optional
// numbering before it; no letter right after it (`\b` is ASCII-only and never ends a CJK or Cyrillic title).
const TECHNICAL_CONTEXT =
  /^(?:\d+(?:\.\d+)*\.?\s+)?(?:technical context|technical background|技术上下文|技术背景|技術上下文|技術背景|技術コンテキスト|技術的コンテキスト|技術的背景|기술 컨텍스트|기술적 컨텍스트|기술 맥락|기술 배경|contexto t[ée]cnico|contexte technique|technischer kontext|технический контекст)(?![\p{L}\p{N}])/iu;

/** The plan's Technical Context sections (subsections included through `endLine`). */
export function technicalContextSections(document: Document): Section[] {
  return document.sections.filter((section) => section.depth <= 3 && TECHNICAL_CONTEXT.test(section.title));
}

/**
 * Lines of a plan's Technical Context whose open questions Phase 0 has answered. spec-kit's
 * plan marks unknowns there `NEEDS CLARIFICATION` and resolves them in `research.md`, leaving
 * the plan's wording as it was: once the feature folder holds its research, those markers are
 * the record of what was researched, not open questions.
 */
export function researchResolvedLines(document: Document, feature: readonly Document[]): Set<number> {
  const lines = new Set<number>();
  if (document.kind !== 'plan' || !feature.some((other) => other.kind === 'research')) return lines;
  for (const section of technicalContextSections(document)) {
    for (let line = section.line; line <= section.endLine; line++) lines.add(line);
  }
  return lines;
}
