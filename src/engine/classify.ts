import type { Family, Kind } from './types.js';

const KIND_BY_NAME: Record<string, Kind> = {
  'spec.md': 'spec',
  'plan.md': 'plan',
  'impl-plan.md': 'plan',
  'tasks.md': 'tasks',
  'research.md': 'research',
  'data-model.md': 'data-model',
  'quickstart.md': 'quickstart',
  'constitution.md': 'constitution',
};

// Titles of documents about the constitution rather than the constitution itself:
// "Constitution Update Checklist", "Review Report: Constitution Frontmatter Migration".
const ABOUT_A_DOCUMENT = /\b(?:report|checklist|review|summary|migration|update|analysis|notes|tasks|plan|specification|test)\b/i;

/** Classifies a document by its path first, then by its first heading. */
export function classifyKind(path: string, text: string): Kind {
  const segments = path.toLowerCase().split('/');
  const name = segments.at(-1) ?? '';
  const parents = segments.slice(0, -1);
  if (parents.includes('checklists')) return 'checklist';
  if (parents.includes('contracts')) return 'contract';
  const byName = KIND_BY_NAME[name];
  if (byName) return byName;
  const title = firstHeading(text);
  if (/^(technical\s+)?implementation plan\b/i.test(title) || /\bplan$/i.test(title)) return 'plan';
  if (/^feature specification\b/i.test(title)) return 'spec';
  if (/^tasks\b/i.test(title)) return 'tasks';
  if (/constitution\b/i.test(title) && !ABOUT_A_DOCUMENT.test(title)) return 'constitution';
  if (/checklist\b/i.test(title) && /^\s*[-*] \[[ xX]\] CHK\d+/m.test(text)) return 'checklist';
  return 'other';
}

function firstHeading(text: string): string {
  const match = /^#\s+(.+?)\s*#*\s*$/m.exec(text.slice(0, 4000));
  return match?.[1]?.replace(/[*_`]/g, '').trim() ?? '';
}

/** Detects the template family a document was written from (see {@link Family}). */
export function classifyFamily(kind: Kind, text: string): Family {
  if (/^\*\*Epic\*\*:/m.test(text) || /PlanQualityGate\.md/.test(text)) return 'speckit-epic';
  if (kind === 'plan' || kind === 'other') {
    if (/^\|\s*\*\*Production-Grade Because\*\*\s*\|/m.test(text) || /^##\s+Production-Grade Checklist\b/m.test(text)) {
      return 'milestone-plan';
    }
    // A spec-kit plan (Spec Kitty's too) may end with a Definition of Done; its Technical Context says what it is.
    if (/^##\s+Definition of Done\b/m.test(text) && /^##+\s+Phase\s+\d+\b/m.test(text) && !/^##\s+(Progress Tracking|Technical Context|Constitution Check)\b/m.test(text)) {
      return 'phased-plan';
    }
  }
  // The gen-1 spec template closes with "Review & Acceptance Checklist" and "Execution Status".
  if (/^##\s+(Execution Flow|Progress Tracking|Execution Status|Review & Acceptance Checklist)\b/m.test(text) || /^\s*[-*] \[[ xX]\] All NEEDS CLARIFICATION resolved/m.test(text)) {
    return 'speckit-gen1';
  }
  if (
    /^#{2,4}\s+User Story \d+\b/m.test(text) ||
    /\*\*FR-\d{3,}\*\*/.test(text) ||
    /^\s*[-*] \[[ xX]\] (\*\*)?T\d{3,}(\*\*)? .*\[US\d+\]/m.test(text) ||
    /\bCHK\d{3,}\b/.test(text) ||
    /\/speckit\.[a-z]+/.test(text)
  ) {
    return 'speckit-gen2';
  }
  // A Constitution Check is spec-kit's own; a Technical Context alone is a common heading of
  // free-form plans too (Spec Kitty's hand-written ones), so it needs the template's Summary beside it.
  if (/^##\s+Constitution Check\b/m.test(text) || (/^##\s+Technical Context\b/m.test(text) && /^##\s+Summary\b/m.test(text))) return 'speckit-gen2';
  return 'generic';
}

const NESTED_FOLDERS = new Set(['checklists', 'contracts', 'tasks', 'research', 'planning', 'done', 'doing', 'for_review', 'planned']);

/** The feature folder of a document: its directory, climbing out of `checklists/`, `contracts/` and the like. */
export function featureFolder(path: string, kind: Kind): string {
  if (kind === 'constitution') return '';
  const parts = path.split('/').slice(0, -1);
  while (parts.length > 1 && NESTED_FOLDERS.has(parts.at(-1)!.toLowerCase())) parts.pop();
  return parts.join('/');
}
