import {
  featureDocument, referencedIds, requirementDefinitions, taskItems, type Requirement, type Task,
} from '../rules/consistency/trace.js';
import type { Document } from '../types.js';

/** How one requirement is covered by tasks. */
export interface CoverageRow {
  id: string;
  /** Line of the requirement's definition in the spec. */
  line: number;
  /** `id`: a task (or its phase) names the requirement; `story`: a task of the requirement's user story; `none`: a gap. */
  via: 'id' | 'story' | 'none';
  /** Task names (`T001`, or `line N`), in document order. */
  tasks: string[];
}

/** The coverage of one feature folder's requirements by its tasks. */
export interface FeatureCoverage {
  feature: string;
  spec: string;
  tasks: string;
  /**
   * Whether the feature traces requirements at all (its tasks name a requirement id or a
   * requirement belongs to a user story). Untraced features cannot have gaps decided.
   */
  traced: boolean;
  rows: CoverageRow[];
}

/** Builds the coverage table of every feature with both a spec and a tasks document, sorted by feature. */
export function buildCoverage(documents: readonly Document[]): FeatureCoverage[] {
  const byFeature = new Map<string, Document[]>();
  for (const document of documents) {
    if (document.feature === '') continue;
    byFeature.set(document.feature, [...(byFeature.get(document.feature) ?? []), document]);
  }
  const result: FeatureCoverage[] = [];
  for (const [feature, docs] of [...byFeature].sort(([a], [b]) => a.localeCompare(b))) {
    const coverage = featureCoverage(docs);
    if (coverage && coverage.rows.length > 0) result.push(coverage);
  }
  return result;
}

/** The coverage of one feature, or undefined when it lacks a spec or a tasks document. */
export function featureCoverage(feature: readonly Document[]): FeatureCoverage | undefined {
  const spec = featureDocument(feature, 'spec', 'spec.md');
  const tasks = featureDocument(feature, 'tasks', 'tasks.md');
  if (!spec || !tasks) return undefined;
  const requirements = requirementDefinitions(spec);
  const items = taskItems(tasks);
  const mentions = referencedIds(tasks.lines);
  const defined = new Set(requirements.map((r) => r.id));
  const tracesIds = [...mentions.keys()].some((id) => defined.has(id));
  const tracesSc = [...mentions.keys()].some((id) => id.startsWith('SC-') && defined.has(id)) ||
    requirements.some((r) => r.id.startsWith('SC-') && r.stories.size > 0);
  const traced = tracesIds || requirements.some((r) => r.stories.size > 0);
  const rows = requirements
    .filter((r) => r.id.startsWith('FR-') || tracesSc)
    .map((r) => coverRequirement(r, tasks, items, mentions.get(r.id) ?? []));
  return { feature: spec.feature, spec: spec.path, tasks: tasks.path, traced, rows };
}

function coverRequirement(requirement: Requirement, tasks: Document, items: Task[], lines: number[]): CoverageRow {
  const named = new Set<string>();
  for (const line of lines) for (const task of tasksAt(tasks, items, line)) named.add(task);
  if (named.size > 0) return { id: requirement.id, line: requirement.line, via: 'id', tasks: [...named] };
  const byStory = items.filter((task) => [...task.stories].some((story) => requirement.stories.has(story)));
  if (byStory.length > 0) return { id: requirement.id, line: requirement.line, via: 'story', tasks: byStory.map((task) => task.name) };
  return { id: requirement.id, line: requirement.line, via: 'none', tasks: [] };
}

/** The tasks a mention covers: its own task item, else the tasks of the innermost section it sits in. */
function tasksAt(tasks: Document, items: Task[], line: number): string[] {
  const own = items.find((task) => task.line === line);
  if (own) return [own.name];
  const section = tasks.sections
    .filter((s) => s.line <= line && s.endLine >= line)
    .sort((a, b) => b.line - a.line)[0];
  if (!section) return [`line ${line}`];
  const inside = items.filter((task) => task.line > section.line && task.line <= section.endLine);
  return inside.length > 0 ? inside.map((task) => task.name) : [`line ${line}`];
}

const MAX_TASKS_SHOWN = 6;

function describeTasks(row: CoverageRow): string {
  if (row.via === 'none') return '—';
  const shown = row.tasks.slice(0, MAX_TASKS_SHOWN).join(', ');
  const more = row.tasks.length > MAX_TASKS_SHOWN ? ` (+${row.tasks.length - MAX_TASKS_SHOWN} more)` : '';
  return `${shown}${more}${row.via === 'story' ? ' (via user story)' : ''}`;
}

function gaps(coverage: FeatureCoverage): number {
  return coverage.rows.filter((row) => row.via === 'none').length;
}

function heading(coverage: FeatureCoverage): string {
  const count = `${coverage.rows.length - gaps(coverage)}/${coverage.rows.length} covered`;
  return coverage.traced ? count : `${count}; requirements not traced by id or user story, gaps not decided`;
}

/** The coverage tables as GitHub-flavoured markdown (empty string when there is nothing to show). */
export function renderCoverageMarkdown(features: readonly FeatureCoverage[]): string {
  if (features.length === 0) return '';
  const out: string[] = ['### Requirement coverage', ''];
  for (const coverage of features) {
    out.push(`**${coverage.feature}** (${heading(coverage)})`, '', '| Requirement | Tasks | |', '| --- | --- | --- |');
    for (const row of coverage.rows) {
      const mark = row.via === 'none' ? (coverage.traced ? '❌ gap' : '?') : '✓';
      out.push(`| ${row.id} | ${describeTasks(row)} | ${mark} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** The coverage tables as plain text for a terminal (empty string when there is nothing to show). */
export function renderCoverageText(features: readonly FeatureCoverage[]): string {
  if (features.length === 0) return '';
  const out: string[] = ['Requirement coverage'];
  for (const coverage of features) {
    out.push(`  ${coverage.feature} (${heading(coverage)})`);
    for (const row of coverage.rows) {
      const mark = row.via === 'none' ? (coverage.traced ? 'GAP' : '?') : 'ok';
      out.push(`    ${row.id.padEnd(8)} ${mark.padEnd(3)}  ${describeTasks(row)}`);
    }
  }
  return `${out.join('\n')}\n`;
}
