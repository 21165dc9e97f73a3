import type { Document, Section } from '../../types.js';
import { matchList } from '../../markdown/matches.js';

/** One numbered acceptance criterion: `3. WHEN … THEN the system SHALL …` under `### Requirement 2` is `2.3`. */
export interface Criterion {
  id: string;
  line: number;
  /** The criterion after its number, as written on its first line. */
  text: string;
}

/** One `### Requirement N` of a Kiro requirements document. */
export interface KiroRequirement {
  number: string;
  /** Line of its heading. */
  line: number;
  endLine: number;
  /** Line of its `**User Story:**`, when it has one. */
  storyLine?: number;
  /** The `#### Acceptance Criteria` section, when it has one. */
  criteriaSection?: Section;
  criteria: Criterion[];
}

const REQUIREMENT_HEADING = /^Requirement\s+(\d+)\b/i;
const USER_STORY = /^\s*(?:[-*]\s+)?(?:\*\*|__)User Story:?(?:\*\*|__):?/i;
const CRITERION = /^ {0,3}(\d+)[.)]\s+(\S.*)$/;

/** The requirements of a Kiro `requirements.md`, in document order. */
export function kiroRequirements(document: Document): KiroRequirement[] {
  return document.sections.flatMap((section) => {
    const match = REQUIREMENT_HEADING.exec(section.title);
    if (!match || section.depth > 3) return [];
    const inside = document.sections.filter((s) => s.line > section.line && s.line <= section.endLine);
    const criteriaSection = inside.find((s) => /^acceptance criteria\b/i.test(s.title));
    const storyIndex = range(section.line + 1, section.endLine).find((line) => USER_STORY.test(document.prose[line - 1] ?? ''));
    const criteria = criteriaSection ? criteriaIn(document, match[1]!, criteriaSection) : [];
    return [{
      number: match[1]!,
      line: section.line,
      endLine: section.endLine,
      ...(storyIndex !== undefined ? { storyLine: storyIndex } : {}),
      ...(criteriaSection ? { criteriaSection } : {}),
      criteria,
    }];
  });
}

function criteriaIn(document: Document, requirement: string, section: Section): Criterion[] {
  const criteria: Criterion[] = [];
  for (const line of range(section.line + 1, section.endLine)) {
    const match = CRITERION.exec(document.prose[line - 1] ?? '');
    if (match) criteria.push({ id: `${requirement}.${match[1]}`, line, text: match[2]!.trim() });
  }
  return criteria;
}

/** Every criterion of a requirements document, by id. */
export function criteriaById(document: Document): Map<string, Criterion> {
  return new Map(kiroRequirements(document).flatMap((r) => r.criteria.map((c) => [c.id, c] as const)));
}

/** One checkbox task of a Kiro `tasks.md`: `- [ ] 2.1 Write the service`, `- [ ]* 2.2 Write tests`. */
export interface KiroTask {
  line: number;
  /** `1`, `2.1`, `3.2.1`. */
  id: string;
  checked: boolean;
  /** `- [ ]*` or `2.1*`: optional, not needed for the parent or the spec to be done. */
  optional: boolean;
  /** Leading spaces of the item. */
  indent: number;
  text: string;
}

// `- [ ] 1. Title`, `- [x] 2.1 Title`, `- [ ]* 3.2 Title`, `- [X] 7.9* Title`. A box of its own syntax, since `[ ]*` is not a GFM task item.
const TASK = /^(\s*)[-*+] \[([ xX])\](\*)?\s+(\d+(?:\.\d+)*)(\*)?\.?(?=\s|$)\s*(.*)$/;

/** The numbered checkbox tasks of a Kiro tasks document, in document order. */
export function kiroTasks(document: Document): KiroTask[] {
  const tasks: KiroTask[] = [];
  document.prose.forEach((text, index) => {
    const match = TASK.exec(text);
    if (!match) return;
    tasks.push({
      line: index + 1,
      id: match[4]!,
      checked: match[2] !== ' ',
      optional: match[3] === '*' || match[5] === '*',
      indent: match[1]!.replace(/\t/g, '    ').length,
      text: match[6]!.trim(),
    });
  });
  return tasks;
}

/** A criterion cited by a task or a design property: `_Requirements: 1.1, 1.2_`, `**Validates: Requirements 2.3**`. */
export interface Citation {
  id: string;
  line: number;
  column: number;
}

const CITATION_LINE = /(?:_Requirements?:([^_\n]*)_|\*\*Validates:?\s*Requirements?:?([^*\n]*)\*\*|\bValidates:?\s*Requirements?:?\s*([\d.,\s]+))/gi;
const CRITERION_ID = /\b\d+\.\d+\b/g;

/** Every criterion id a document cites, at its line and column. */
export function citations(document: Document): Citation[] {
  const found: Citation[] = [];
  document.prose.forEach((text, index) => {
    if (!/requirement/i.test(text)) return;
    for (const match of matchList(text, CITATION_LINE)) {
      const list = match[1] ?? match[2] ?? match[3] ?? '';
      const offset = match.index + match[0].indexOf(list);
      for (const id of matchList(list, CRITERION_ID)) found.push({ id: id[0], line: index + 1, column: offset + id.index + 1 });
    }
  });
  return found;
}

/** The task a citation line belongs to: the last task above it. */
export function taskAt(tasks: readonly KiroTask[], line: number): KiroTask | undefined {
  let owner: KiroTask | undefined;
  for (const task of tasks) {
    if (task.line > line) break;
    owner = task;
  }
  return owner;
}

/** The feature's requirements document (`requirements.md`, else a spec with Kiro requirements). */
export function requirementsOf(feature: readonly Document[]): Document | undefined {
  return feature.find((d) => d.kind === 'spec' && /(?:^|\/)requirements\.md$/i.test(d.path))
    ?? feature.find((d) => d.kind === 'spec' && d.family === 'kiro' && kiroRequirements(d).length > 0);
}

/** The feature's tasks document. */
export function tasksOf(feature: readonly Document[]): Document | undefined {
  return feature.find((d) => d.kind === 'tasks' && d.family === 'kiro');
}

function range(from: number, to: number): number[] {
  const lines: number[] = [];
  for (let line = from; line <= to; line++) lines.push(line);
  return lines;
}
