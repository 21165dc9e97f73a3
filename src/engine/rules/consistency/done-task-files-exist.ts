import { z } from 'zod';
import { defineRule } from '../../rule.js';
import { taskItems } from './trace.js';

// A repository path: at least one slash and a file extension; no URL, no glob, no placeholder.
const PATH = /(?:^|[\s(`'"])((?:\.{1,2}\/)?[\w@.-]+(?:\/[\w@.\-[\]]+)+\.[A-Za-z][\w]{0,9})(?=$|[\s)`'",:;]|\.(?:\s|$))/g;
// Tasks that remove, move or rename files name paths that must not exist afterwards.
const REMOVAL = /\b(delete|deleted|remove|removed|rename|renamed|move|moved|drop|dropped|deprecate|archive|replace|replaced|migrate|migrated)\b/i;

/** Path-like tokens of a task line, inline code included. */
export function namedPaths(raw: string): string[] {
  const paths: string[] = [];
  for (const match of raw.matchAll(PATH)) {
    const path = match[1]!.replace(/^\.\//, '');
    if (/[*{}<>[\]]|:\/\/|^\.\.\//.test(path) || /\bXXX\b|\bNNN\b/.test(path)) continue;
    if (!paths.includes(path)) paths.push(path);
  }
  return paths;
}

/** Tree paths by file name, so a suffix lookup does not scan the whole tree. */
function byName(tree: ReadonlySet<string>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const entry of tree) {
    const name = entry.slice(entry.lastIndexOf('/') + 1);
    index.set(name, [...(index.get(name) ?? []), entry]);
  }
  return index;
}

/** Whether the tree holds the path, at the root or under a sub-project folder (monorepos name paths relative to a package). */
function exists(tree: ReadonlySet<string>, index: Map<string, string[]>, path: string): boolean {
  if (tree.has(path)) return true;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (index.get(name) ?? []).some((entry) => entry.endsWith(`/${path}`));
}

/**
 * Tasks marked done that name a file (`src/cli/main.ts`) the repository does not have.
 * Needs the repository tree; without it nothing is reported.
 */
export default defineRule({
  meta: {
    id: 'done-task-files-exist',
    gate: 'consistency',
    description: 'Files named by tasks marked done exist in the repository.',
    kinds: ['tasks'],
    severity: 'warning',
    options: z.object({}).strict(),
  },
  check({ document, tree, report }) {
    if (!tree || tree.size === 0) return;
    let index: Map<string, string[]> | undefined;
    for (const task of taskItems(document)) {
      if (!task.checked) continue;
      const raw = document.lines[task.line - 1] ?? '';
      if (REMOVAL.test(raw)) continue;
      for (const path of namedPaths(raw)) {
        index ??= byName(tree);
        if (exists(tree, index, path)) continue;
        report({ line: task.line, message: `Missing file \`${path}\` named by done task \`${task.name}\`, expected it in the repository` });
      }
    }
  },
});
