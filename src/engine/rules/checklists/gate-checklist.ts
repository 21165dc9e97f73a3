import type { Document } from '../../types.js';
import { baseName } from './checklist-summary.js';

// Titles of the checklists that gate the next phase: spec-kit's spec quality checklist, the epic's plan
// quality gate, and their translations.
const GATE_TITLE = /specification quality|spec quality|quality validation checklist|plan\s*quality\s*gate|qualidade da especifica[çc][ãa]o|calidad de la especificaci[óo]n|规格质量|规范质量|需求文档质量|仕様品質/i;
// A purpose that says the checklist validates the spec itself ("Validate specification completeness and
// quality before proceeding to planning", "Validate that the spec.md meets ...").
const GATE_PURPOSE = /validat\w*\s+(?:that\s+)?(?:the\s+)?(?:spec(?:ification)?\b|spec\.md)|(?:requirements?|quality)\s+(?:from|of)\s+the\s+spec(?:ification)?\b|before proceeding to planning/i;
const PURPOSE = /^[\s*_]*(?:purpose|prop[óo]sito|objetivo|目的|用途)[\s*_]*[:：]\s*[*_]*\s*(.*)$/im;
// A title naming a domain (`# Security Checklist: ...`, `# UX Review Checklist`): what `/speckit.checklist` writes.
// A bare `# Checklist` names no domain.
const CHECKLIST_TITLE = /\p{L}[^:：]*\s+checklist\b|\p{L}(?:检查清单|清单|チェックリスト)/iu;
const REQUIREMENTS_TITLE = /^[^\p{L}]*(?:requirements?|spec(?:ification)?|requisitos|需求)\b/iu;

/** The document's title: its first level-1 heading. */
function title(document: Document): string {
  return document.sections.find((section) => section.depth === 1)?.title ?? '';
}

/**
 * Whether a checklist gates the next phase: its title or purpose says it validates the spec (or
 * the plan, in the epic variant), whatever its file name; or its name is one of `names`
 * (`requirements.md`, `PlanQualityGate.md`) and its title does not name another domain.
 */
export function isGateChecklist(document: Document, names: readonly string[]): boolean {
  // Titles and purposes are short; a bounded read keeps a pathological heading linear.
  const heading = title(document).slice(0, 300);
  if (GATE_TITLE.test(heading)) return true;
  const purpose = PURPOSE.exec(document.prose.slice(0, 30).map((line) => line.slice(0, 300)).join('\n'))?.[1] ?? '';
  if (GATE_PURPOSE.test(purpose)) return true;
  const name = baseName(document.path).toLowerCase();
  if (!names.some((n) => n.toLowerCase() === name)) return false;
  return !(CHECKLIST_TITLE.test(heading) && !REQUIREMENTS_TITLE.test(heading));
}
