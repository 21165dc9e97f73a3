import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { hasSourceFiles, missingDonePaths } from './done-task-files-exist.js';

/**
 * Tasks marked done that name a file whose folder the repository does not have either
 * (`src/share/link.ts` with no `src/share/`). In a repository that holds source code this
 * is work claimed and never committed; in a specs-only tree (the code lives elsewhere, or
 * the checkout is partial) the tree says nothing about the tasks, so nothing is reported.
 */
export default defineRule({
  meta: {
    id: 'done-task-folders-exist',
    gate: 'consistency',
    description: 'In a repository with source files, files named by tasks marked done exist even when their folder is missing too.',
    kinds: ['tasks'],
    severity: 'error',
    options: z.strictObject({}),
  },
  check({ document, tree, report }) {
    if (!tree || tree.size === 0 || !hasSourceFiles(tree)) return;
    for (const missing of missingDonePaths(document, tree)) {
      if (missing.folderExists) continue;
      const folder = missing.path.slice(0, missing.path.lastIndexOf('/'));
      report({ line: missing.line, message: `Missing file \`${missing.path}\` and its folder \`${folder}/\` named by done task \`${missing.task}\`, expected them in a repository that holds source files` });
    }
  },
});
