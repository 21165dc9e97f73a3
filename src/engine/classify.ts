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

const KIRO_LAYOUT = /(?:^|\/)\.kiro\/(specs|steering)\//;
const OPENSPEC_LAYOUT = /(?:^|\/)openspec\/(?:(specs|changes)\/|project\.md$)/;

/** Kiro's file names in a spec folder; `tasks.md` is every family's. */
const KIRO_KIND_BY_NAME: Record<string, Kind> = { 'requirements.md': 'spec', 'bugfix.md': 'spec', 'design.md': 'plan', 'tasks.md': 'tasks' };
/** OpenSpec's file names in a change folder (`spec.md` anywhere under `specs/`). */
const OPENSPEC_KIND_BY_NAME: Record<string, Kind> = { 'spec.md': 'spec', 'proposal.md': 'proposal', 'design.md': 'plan', 'tasks.md': 'tasks' };

/** The family a path's layout names (`.kiro/specs/…`, `.kiro/steering/…`, `openspec/…`), if any. */
export function layoutFamily(path: string): 'kiro' | 'openspec' | undefined {
  if (KIRO_LAYOUT.test(path)) return 'kiro';
  if (OPENSPEC_LAYOUT.test(path)) return 'openspec';
  return undefined;
}

/** The kind a Kiro or OpenSpec layout gives a path; `other` for the rest of those trees, undefined outside them. */
function layoutKind(path: string, name: string): Kind | undefined {
  const kiro = KIRO_LAYOUT.exec(path);
  if (kiro) return kiro[1] === 'specs' ? (KIRO_KIND_BY_NAME[name] ?? 'other') : 'other';
  const openspec = OPENSPEC_LAYOUT.exec(path);
  if (openspec) return openspec[1] ? (OPENSPEC_KIND_BY_NAME[name] ?? 'other') : 'other';
  return undefined;
}

/** Classifies a document by its path first, then by its first heading. */
export function classifyKind(path: string, text: string): Kind {
  const segments = path.toLowerCase().split('/');
  const name = segments.at(-1) ?? '';
  const parents = segments.slice(0, -1);
  const byLayout = layoutKind(path, name);
  if (byLayout) return byLayout;
  if (parents.includes('checklists')) return 'checklist';
  if (parents.includes('contracts')) return 'contract';
  const byName = KIND_BY_NAME[name];
  if (byName) return byName;
  const title = firstHeading(text);
  if (/^(technical\s+)?implementation plan\b/i.test(title) || /\bplan$/i.test(title)) return 'plan';
  if (/^feature specification\b/i.test(title)) return 'spec';
  // Kiro's templates, outside `.kiro/`: "Requirements Document", "Design Document".
  if (/^requirements document\b/i.test(title) && isKiroContent(text)) return 'spec';
  if (/^design document\b/i.test(title)) return 'plan';
  if (/^tasks\b/i.test(title)) return 'tasks';
  if (/constitution\b/i.test(title) && !ABOUT_A_DOCUMENT.test(title)) return 'constitution';
  if (/checklist\b/i.test(title) && /^[ \t]*[-*] \[[ xX]\] CHK\d+/m.test(text)) return 'checklist';
  return 'other';
}

function firstHeading(text: string): string {
  const match = /^#\s+(.+?)\s*#*\s*$/m.exec(text.slice(0, 4000));
  return match?.[1]?.replace(/[*_`]/g, '').trim() ?? '';
}

/** Kiro's content: numbered requirements with user stories, or numbered tasks citing criteria. */
function isKiroContent(text: string): boolean {
  if (/^#{2,4}\s+Requirement \d+\b/m.test(text) && /\*\*User Story:?\*\*/.test(text)) return true;
  return /^[ \t]*[-*] \[[ xX]\]\*? \d+(?:\.\d+)*\.? /m.test(text) && /_Requirements?:\s*\d+\.\d+/.test(text);
}

/** OpenSpec's content: `### Requirement:` with `#### Scenario:`, delta sections, or a proposal's Why and What Changes. */
function isOpenSpecContent(text: string): boolean {
  if (/^###\s+Requirement:/m.test(text) && /^####\s+Scenario:/m.test(text)) return true;
  if (/^##\s+(?:ADDED|MODIFIED|REMOVED|RENAMED)\s+Requirements\b/m.test(text)) return true;
  return /^##\s+Why\s*$/m.test(text) && /^##\s+What Changes\s*$/m.test(text);
}

/**
 * Detects the template family a document was written from (see {@link Family}): a Kiro or
 * OpenSpec layout in the path decides first, then the content.
 */
export function classifyFamily(kind: Kind, text: string, path = ''): Family {
  const byLayout = layoutFamily(path);
  if (byLayout) return byLayout;
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
  if (/^##\s+(Execution Flow|Progress Tracking|Execution Status|Review & Acceptance Checklist)\b/m.test(text) || /^[ \t]*[-*] \[[ xX]\] All NEEDS CLARIFICATION resolved/m.test(text)) {
    return 'speckit-gen1';
  }
  if (
    /^#{2,4}\s+User Story \d+\b/m.test(text) ||
    /\*\*FR-\d{3,}\*\*/.test(text) ||
    /^[ \t]*[-*] \[[ xX]\] (\*\*)?T\d{3,}(\*\*)? .*\[US\d+\]/m.test(text) ||
    /\bCHK\d{3,}\b/.test(text) ||
    /\/speckit\.[a-z]+/.test(text)
  ) {
    return 'speckit-gen2';
  }
  // A Constitution Check is spec-kit's own; a Technical Context alone is a common heading of
  // free-form plans too (Spec Kitty's hand-written ones), so it needs the template's Summary beside it.
  if (/^##\s+Constitution Check\b/m.test(text) || (/^##\s+Technical Context\b/m.test(text) && /^##\s+Summary\b/m.test(text))) return 'speckit-gen2';
  if (isKiroContent(text)) return 'kiro';
  if (isOpenSpecContent(text)) return 'openspec';
  return 'generic';
}

const NESTED_FOLDERS = new Set(['checklists', 'contracts', 'tasks', 'research', 'planning', 'done', 'doing', 'for_review', 'planned']);

/**
 * The feature folder a Kiro or OpenSpec layout gives a path: `.kiro/specs/<feature>`,
 * `openspec/changes/<id>`, `openspec/changes/archive/<id>`, `openspec/specs/<capability>`;
 * '' for the rest of those trees; undefined outside them.
 */
function layoutFeature(path: string): string | undefined {
  if (!KIRO_LAYOUT.test(path) && !OPENSPEC_LAYOUT.test(path)) return undefined;
  const parts = path.split('/');
  for (let index = parts.length - 2; index >= 0; index--) {
    const [here, next, third] = [parts[index], parts[index + 1], parts[index + 2]];
    let depth = 0;
    if (here === '.kiro' && next === 'specs') depth = 3;
    else if (here === 'openspec' && next === 'changes') depth = third === 'archive' ? 4 : 3;
    else if (here === 'openspec' && next === 'specs') depth = 3;
    if (depth === 0) continue;
    return parts.length > index + depth ? parts.slice(0, index + depth).join('/') : '';
  }
  return '';
}

/**
 * The feature folder of a document: its directory, climbing out of `checklists/`, `contracts/`
 * and the like. A Kiro spec folder, an OpenSpec change (its delta specs included) and an
 * OpenSpec capability are features; Kiro steering and OpenSpec's `project.md` are repository-level.
 */
export function featureFolder(path: string, kind: Kind): string {
  if (kind === 'constitution') return '';
  const byLayout = layoutFeature(path);
  if (byLayout !== undefined) return byLayout;
  const parts = path.split('/').slice(0, -1);
  while (parts.length > 1 && NESTED_FOLDERS.has(parts.at(-1)!.toLowerCase())) parts.pop();
  return parts.join('/');
}
