import {
  featureDocument, referencedIds, requirementDefinitions, taskItems, wordingMatches, type Requirement, type Task, type WordingMatch,
} from '../rules/consistency/trace.js';
import { citations, kiroRequirements, kiroTasks, requirementsOf, taskAt, tasksOf } from '../rules/kiro/parse.js';
import { groupByFeature } from '../documents.js';
import type { Document } from '../types.js';
import { untrustedText } from './untrusted.js';

/** How one requirement is covered by tasks. */
export interface CoverageRow {
  id: string;
  /** Line of the requirement's definition in the spec. */
  line: number;
  /**
   * `id`: a task (or its phase) names the requirement; `story`: a task of the requirement's
   * user story; `wording`: a task shares the requirement's distinctive words or code (see
   * `wordingMatches`); `exempt`: needs no task (see {@link exemption}); `none`: a gap; `unknown`:
   * not decidable (the tasks name no requirement of this kind by id and the requirement belongs
   * to no user story).
   */
  via: 'id' | 'story' | 'wording' | 'exempt' | 'none' | 'unknown';
  /** Task names (`T001`, or `line N`), in document order; the one covering task for `wording`. */
  tasks: string[];
  /** For `wording`: what the task shares with the requirement, as the requirement writes it. */
  words?: string[];
  /** For `exempt`: why no task is needed. */
  reason?: string;
}

/** The coverage of one feature folder's requirements by its tasks. */
export interface FeatureCoverage {
  feature: string;
  spec: string;
  tasks: string;
  /**
   * Whether the tasks cite any of the spec's requirement ids (always set by {@link featureCoverage};
   * absent reads as traced). An untraced feature (`false`) links work to requirements only
   * through user stories, if at all; its rows without a story are `unknown`.
   */
  traced?: boolean;
  rows: CoverageRow[];
}

/**
 * Builds the coverage table of every feature with both a spec and a tasks document, sorted by
 * feature. `byFeature` is the run's grouping of documents by feature folder when the caller
 * has it: the rules were given the same lists, so each feature's coverage is worked out once.
 */
export function buildCoverage(documents: readonly Document[], byFeature?: ReadonlyMap<string, readonly Document[]>, source?: CoverageSource): FeatureCoverage[] {
  const groups = byFeature ?? groupByFeature(documents);
  const result: FeatureCoverage[] = [];
  for (const [feature, docs] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    if (feature === '') continue;
    const coverage = source ? source(feature, () => featureCoverage(docs)) : featureCoverage(docs);
    if (coverage && coverage.rows.length > 0) result.push(coverage);
  }
  return result;
}

/** Where {@link buildCoverage} takes a feature's coverage from: a cache of earlier runs, or `compute`. */
export type CoverageSource = (feature: string, compute: () => FeatureCoverage | undefined) => FeatureCoverage | undefined;

const computed = new WeakMap<readonly Document[], FeatureCoverage | undefined>();

/**
 * The coverage of one feature, or undefined when it lacks a spec or a tasks document.
 * Remembered per list of documents: `requirements-covered-by-tasks` and the report's table
 * ask for the same feature's coverage in one run.
 */
export function featureCoverage(feature: readonly Document[]): FeatureCoverage | undefined {
  if (!computed.has(feature)) computed.set(feature, computeCoverage(feature));
  return computed.get(feature);
}

function computeCoverage(feature: readonly Document[]): FeatureCoverage | undefined {
  if (feature.some((document) => document.family === 'kiro')) return kiroCoverage(feature);
  const spec = featureDocument(feature, 'spec', 'spec.md');
  const tasks = featureDocument(feature, 'tasks', 'tasks.md');
  if (!spec || !tasks) return undefined;
  const requirements = requirementDefinitions(spec);
  const items = taskItems(tasks);
  const mentions = referencedIds(tasks.lines);
  const named = new Set<string>((['FR', 'SC'] as const).filter((kind) => tracesByIds(requirements, mentions, kind)));
  // Success criteria are often outcomes, not work: listed only when the feature traces them.
  const tracesSc = named.has('SC') || requirements.some((r) => r.id.startsWith('SC-') && r.stories.size > 0);
  const rows = requirements
    .filter((r) => r.id.startsWith('FR-') || tracesSc)
    .map((r) => coverRequirement(r, { tasks, items, lines: mentions.get(r.id) ?? [], decidable: named.has(r.id.slice(0, 2)) }));
  // Wording is the last resort for a gap (an undecided row stays undecided): computed only when there is one.
  if (rows.some((row) => row.via === 'none')) {
    const wording = wordingMatches(requirements, tasks, items);
    rows.forEach((row, index) => {
      const match = row.via === 'none' ? wording.get(row.id) : undefined;
      if (match) rows[index] = byWording(row, match);
    });
  }
  const traced = requirements.some((r) => mentions.has(r.id));
  return { feature: spec.feature, spec: spec.path, tasks: tasks.path, traced, rows };
}

/**
 * The coverage of a Kiro spec: one row per acceptance criterion (`1.2`), covered by the tasks
 * whose `_Requirements:_` or `**Validates:**` lines cite it. A vague citation ("All
 * requirements") covers nothing.
 */
function kiroCoverage(feature: readonly Document[]): FeatureCoverage | undefined {
  const spec = requirementsOf(feature);
  const tasks = tasksOf(feature);
  if (!spec || !tasks) return undefined;
  const items = kiroTasks(tasks);
  const citing = new Map<string, string[]>();
  for (const citation of citations(tasks)) {
    const task = taskAt(items, citation.line);
    if (!task) continue;
    const list = citing.get(citation.id) ?? [];
    if (!list.includes(task.id)) list.push(task.id);
    citing.set(citation.id, list);
  }
  const rows = kiroRequirements(spec).flatMap((requirement) => requirement.criteria).map((criterion): CoverageRow => {
    const named = citing.get(criterion.id) ?? [];
    return { id: criterion.id, line: criterion.line, via: named.length > 0 ? 'id' : 'none', tasks: named };
  });
  return { feature: spec.feature, spec: spec.path, tasks: tasks.path, traced: citing.size > 0, rows };
}

// Below this share of a kind's requirements named by id, mentions are incidental (`per FR-003`), not tracing.
const TRACED_SHARE = 0.5;

/** Whether the tasks trace requirements of one kind by id: they name at least half of them. */
function tracesByIds(requirements: readonly Requirement[], mentions: ReadonlyMap<string, number[]>, kind: 'FR' | 'SC'): boolean {
  const own = requirements.filter((r) => r.id.startsWith(`${kind}-`));
  const hit = own.filter((r) => mentions.has(r.id)).length;
  return own.length > 0 && hit / own.length >= TRACED_SHARE;
}

interface CoverArgs {
  tasks: Document;
  items: Task[];
  lines: number[];
  /** Whether a requirement named by no task and in no story is a gap (the feature traces its kind by id). */
  decidable: boolean;
}

// The spec says what already meets the requirement: `*(satisfied by Stripe Checkout redirect)*`.
const SATISFIED = /\(\s*[*_]*\s*((?:already\s+)?(?:satisfied|met|covered|fulfilled|provided|handled)\s+by\s[^)]{1,120})\)/i;
// A post-launch outcome or business KPI: spec-kit's /analyze leaves these out of task coverage
// ("exclude post-launch outcome metrics and business KPIs (e.g., 'Reduce support tickets by 50%')").
const OUTCOME = /\b(?:support tickets?|conversion rates?|retention|churn|net promoter|NPS|customer satisfaction|revenue)\b|\b(?:after|of|post[- ])launch\b/i;

/** Why a requirement needs no task, when its own text says so; undefined otherwise. */
export function exemption(requirement: Requirement): string | undefined {
  const satisfied = SATISFIED.exec(requirement.text);
  if (satisfied) return satisfied[1]!.replace(/[*_]+\s*$/, '').trim();
  if (requirement.id.startsWith('SC-') && OUTCOME.test(requirement.text)) return 'a post-launch outcome';
  return undefined;
}

function coverRequirement(requirement: Requirement, { tasks, items, lines, decidable }: CoverArgs): CoverageRow {
  const named = new Set<string>();
  for (const line of lines) for (const task of tasksAt(tasks, items, line)) named.add(task);
  if (named.size > 0) return { id: requirement.id, line: requirement.line, via: 'id', tasks: [...named] };
  const byStory = items.filter((task) => [...task.stories].some((story) => requirement.stories.has(story)));
  if (byStory.length > 0) return { id: requirement.id, line: requirement.line, via: 'story', tasks: byStory.map((task) => task.name) };
  const reason = exemption(requirement);
  if (reason !== undefined) return { id: requirement.id, line: requirement.line, via: 'exempt', tasks: [], reason };
  const via = decidable || requirement.stories.size > 0 ? 'none' : 'unknown';
  return { id: requirement.id, line: requirement.line, via, tasks: [] };
}

function byWording(row: CoverageRow, match: WordingMatch): CoverageRow {
  return { id: row.id, line: row.line, via: 'wording', tasks: [match.task], words: match.shared };
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
const MAX_WORDS_SHOWN = 4;

function describeWords(row: CoverageRow): string {
  const words = row.words ?? [];
  const shown = words.slice(0, MAX_WORDS_SHOWN).join(', ');
  return ` (via wording${shown === '' ? '' : `: ${shown}`}${words.length > MAX_WORDS_SHOWN ? ', …' : ''})`;
}

function describeTasks(row: CoverageRow): string {
  if (row.via === 'exempt') return `— (needs no task: ${row.reason ?? 'stated in the spec'})`;
  if (row.via === 'none' || row.via === 'unknown') return '—';
  const shown = row.tasks.slice(0, MAX_TASKS_SHOWN).join(', ');
  const more = row.tasks.length > MAX_TASKS_SHOWN ? ` (+${row.tasks.length - MAX_TASKS_SHOWN} more)` : '';
  const how = row.via === 'story' ? ' (via user story)' : row.via === 'wording' ? describeWords(row) : '';
  return `${shown}${more}${how}`;
}

function gaps(coverage: FeatureCoverage): number {
  return coverage.rows.filter((row) => row.via === 'none').length;
}

function heading(coverage: FeatureCoverage): string {
  const covered = coverage.rows.filter((row) => row.via === 'id' || row.via === 'story' || row.via === 'wording').length;
  const unknown = coverage.rows.filter((row) => row.via === 'unknown').length;
  const exempt = coverage.rows.filter((row) => row.via === 'exempt').length;
  const parts = [`${covered}/${coverage.rows.length} covered`, `${gaps(coverage)} gap${gaps(coverage) === 1 ? '' : 's'}`];
  if (exempt > 0) parts.push(`${exempt} need${exempt === 1 ? 's' : ''} no task`);
  if (unknown > 0) parts.push(`${unknown} not traced by id or user story`);
  if (coverage.traced === false) parts.push('untraced: the tasks cite no requirement ids');
  return parts.join(', ');
}

const MARK_MD: Record<CoverageRow['via'], string> = { id: '✓', story: '✓', wording: '✓', exempt: '–', none: '❌ gap', unknown: '?' };
const MARK_TEXT: Record<CoverageRow['via'], string> = { id: 'ok', story: 'ok', wording: 'ok', exempt: '-', none: 'GAP', unknown: '?' };

/** The coverage tables as GitHub-flavoured markdown (empty string when there is nothing to show). */
export function renderCoverageMarkdown(features: readonly FeatureCoverage[]): string {
  if (features.length === 0) return '';
  const out: string[] = ['### Requirement coverage', ''];
  for (const coverage of features) {
    // Folder names, ids and task names come from the pull request: untrusted text.
    out.push(`**${untrustedText(coverage.feature, { max: 200 })}** (${heading(coverage)})`, '', '| Requirement | Tasks | |', '| --- | --- | --- |');
    for (const row of coverage.rows) {
      out.push(`| ${untrustedText(row.id, { max: 100 })} | ${untrustedText(describeTasks(row), { max: 500 })} | ${MARK_MD[row.via]} |`);
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
      out.push(`    ${row.id.padEnd(8)} ${MARK_TEXT[row.via].padEnd(3)}  ${describeTasks(row)}`);
    }
  }
  return `${out.join('\n')}\n`;
}
