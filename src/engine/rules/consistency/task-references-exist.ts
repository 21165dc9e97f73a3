import { z } from 'zod';
import { defineRule } from '../../rule.js';
import { featureDocument, referencedIds, taskItems, userStories } from './trace.js';

/**
 * Tasks point only at user stories and requirements the spec has. A story is checked only
 * when the spec has user-story sections; a requirement id only when the spec names
 * requirement ids at all, and anywhere in the spec counts (not only its definition).
 */
export default defineRule({
  meta: {
    id: 'task-references-exist',
    gate: 'consistency',
    description: 'Tasks reference only user stories and requirements that exist in the spec.',
    kinds: ['tasks'],
    severity: 'error',
    options: z.object({}).strict(),
  },
  check({ document, feature, report }) {
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
