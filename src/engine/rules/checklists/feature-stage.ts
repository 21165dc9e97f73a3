import type { Document } from '../../types.js';
import { featureDocument, taskItems } from '../consistency/trace.js';
import { isOpen } from './checklist-summary.js';
import { declaredComplete } from './plan-status.js';

/** What shows that a feature's implementation has started: a done task, or a done status. */
export interface ImplementationEvidence {
  path: string;
  line: number;
  /** For the message: `done task T003`, `Status: Complete`. */
  evidence: string;
}

/** The feature's tasks document, preferring `tasks.md`. */
export function featureTasks(feature: readonly Document[]): Document | undefined {
  return featureDocument(feature, 'tasks', 'tasks.md');
}

/**
 * Whether implementation of the feature has started: the first done task of its tasks
 * document, else a spec, plan or tasks document whose header declares the work complete.
 */
export function implementationStarted(feature: readonly Document[]): ImplementationEvidence | undefined {
  const tasks = featureTasks(feature);
  const done = tasks ? taskItems(tasks).find((task) => task.checked) : undefined;
  if (tasks && done) return { path: tasks.path, line: done.line, evidence: `done task \`${done.name}\`` };
  for (const document of feature) {
    if (document.kind !== 'spec' && document.kind !== 'plan' && document.kind !== 'tasks') continue;
    const declaration = declaredComplete(document);
    if (declaration) return { path: document.path, line: declaration.line, evidence: `\`${declaration.evidence}\`` };
  }
  return undefined;
}

/** The open items of every checklist of the feature, sorted by path, then line. */
export function openChecklistItems(feature: readonly Document[]): Array<{ path: string; line: number }> {
  return feature
    .filter((document) => document.kind === 'checklist')
    .sort((a, b) => a.path.localeCompare(b.path))
    .flatMap((document) => document.checkboxes.filter(isOpen).map((box) => ({ path: document.path, line: box.line })));
}
