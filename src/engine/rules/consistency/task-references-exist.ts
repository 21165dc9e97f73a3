import * as z from 'zod/mini';
import type { Document, RawFinding } from '../../types.js';
import { defineRule } from '../../rule.js';
import { definedTasks, intervalsHold, numberIntervals } from '../completeness/task-phases.js';
import { featureDocument, referencedIds, taskItems, userStories } from './trace.js';
import { matchList } from '../../markdown/matches.js';

/**
 * Tasks point only at user stories and requirements the spec has. A story is checked only
 * when the spec has user-story sections; a requirement id only when the spec names
 * requirement ids at all, and anywhere in the spec counts (not only its definition).
 * A task that cites other tasks (`converge T003, T005`, `after T004`) cites tasks the document defines.
 */
export default defineRule({
  meta: {
    id: 'task-references-exist',
    gate: 'consistency',
    description: 'Tasks reference only user stories and requirements that exist in the spec, and tasks that exist in the document.',
    kinds: ['tasks'],
    severity: 'error',
    // A task citing a missing id on the line after a gap: the citation names the cause.
    supersedes: ['task-ids-sequential'],
    options: z.strictObject({}),
  },
  check({ document, feature, report }) {
    citedTasks(document, report);
    const spec = featureDocument(feature, 'spec', 'spec.md');
    if (!spec) return;
    const stories = new Set(userStories(spec).map((story) => story.number));
    const known = referencedIds(spec.lines);
    for (const task of taskItems(document)) {
      if (stories.size > 0) {
        for (const story of task.labels) {
          if (stories.has(story)) continue;
          report({ line: task.line, message: `Unexpected story label \`[US${story}]\` in \`${task.name}\`, expected one of the spec's user stories` });
        }
      }
      if (known.size === 0) continue;
      const raw = document.prose[task.line - 1] ?? '';
      for (const id of referencedIds([raw]).keys()) {
        if (known.has(id)) continue;
        report({ line: task.line, message: `Unexpected reference to \`${id}\` in \`${task.name}\`, expected a requirement defined in \`${spec.path}\`` });
      }
    }
  },
});

// The task's own id, or range of ids, at the start of its text.
const OWN_ID = /^~{0,2}(T\d+(?:[.-]\d+)*[a-z]?)(?:\s{0,3}[-–—]\s{0,3}T\d+)?(?![\w.-])/;
// Text before a cited id that puts it in another feature's task list: `feature 002 T029`, `specs/003-x T004`.
const ELSEWHERE = /(?:\b(?:feature|spec|specs|funcionalidade|feat)\b[^.;,()]{0,30}|\b\d{3}(?:-[\w-]+)?\s{0,3}[:/']?s?\s{0,3})$/i;
// A task id cited in a task's text: `T003`, `T012a`, `T012.1`.
const CITED = /\bT(\d{3,})((?:\.\d+)*[a-z]?)\b/g;

/** Each task id a task line cites beyond its own must be a task the document defines. */
function citedTasks(document: Document, report: (finding: RawFinding) => void): void {
  const defined = definedTasks(document);
  if (defined.length === 0) return;
  const known = numberIntervals(defined);
  for (const box of document.checkboxes) {
    const own = OWN_ID.exec(box.text.trimStart());
    if (!own) continue;
    const text = box.text.trimStart().slice(own[0].length);
    if (!text.includes('T')) continue;
    const seen = new Set<number>();
    for (const match of matchList(text, CITED)) {
      const number = Number(match[1]);
      if (intervalsHold(known, number) || seen.has(number) || ELSEWHERE.test(text.slice(Math.max(0, match.index - 40), match.index))) continue;
      seen.add(number);
      report({ line: box.line, message: `Unexpected reference to \`T${match[1]!}${match[2]!}\` in \`${own[1]!}\`, expected a task defined in this document` });
    }
  }
}
