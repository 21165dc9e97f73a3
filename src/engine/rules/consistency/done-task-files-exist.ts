import { z } from 'zod';
import { defineRule } from '../../rule.js';
import { taskItems } from './trace.js';

// A repository path: at least one slash and a file extension; no URL, no glob, no placeholder.
const PATH = /(?:^|[\s(`'"])((?:\.{1,2}\/)?[\w@.-]+(?:\/[\w@.\-[\]]+)+\.[A-Za-z][\w]{0,9})(?=$|[\s)`'",:;]|\.(?:\s|$))/g;
// Tasks that remove, move or rename files name paths that must not exist afterwards.
const REMOVAL = /\b(delete|deleted|remove|removed|rename|renamed|move|moved|drop|dropped|deprecate|archive|replace|replaced|migrate|migrated)\b/i;
// Build output, caches and local files: usually git-ignored, so absent from the tree by design.
const GENERATED_FOLDER = /(?:^|\/)(?:dist|build|out|target|coverage|node_modules|tmp|\.next|\.nuxt|\.cache|\.venv|venv|__pycache__)\//;
const GENERATED_FILE = /(?:^|\/)\.env(?:\.[\w-]+)?$|\.(?:log|db|sqlite3?|pyc|lock|tsbuildinfo|map)$/i;

/** Path-like tokens of a task line, inline code included. */
export function namedPaths(raw: string): string[] {
  const paths: string[] = [];
  for (const match of raw.matchAll(PATH)) {
    const path = match[1]!.replace(/^\.\//, '');
    if (/[*{}<>[\]]|:\/\/|^\.\.\/|\.\.\./.test(path) || /\bXXX\b|\bNNN\b/.test(path)) continue;
    // `github.com/org/repo.git`, `example.com/a.json`: a host, not a folder.
    if (/^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\//i.test(path) && !path.startsWith('.')) continue;
    if (GENERATED_FOLDER.test(path) || GENERATED_FILE.test(path)) continue;
    if (!paths.includes(path)) paths.push(path);
  }
  return paths;
}

/** The tree's folders, and its files by name, so a suffix lookup does not scan the whole tree. */
interface TreeIndex {
  folders: Set<string>;
  foldersByName: Map<string, string[]>;
  byName: Map<string, string[]>;
}

function add(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function indexTree(tree: ReadonlySet<string>): TreeIndex {
  const index: TreeIndex = { folders: new Set(), foldersByName: new Map(), byName: new Map() };
  for (const entry of tree) {
    const slash = entry.lastIndexOf('/');
    add(index.byName, entry.slice(slash + 1), entry);
    for (let at = slash; at > 0; at = entry.lastIndexOf('/', at - 1)) {
      const folder = entry.slice(0, at);
      if (index.folders.has(folder)) break;
      index.folders.add(folder);
      add(index.foldersByName, folder.slice(folder.lastIndexOf('/') + 1), folder);
    }
  }
  return index;
}

/** Whether the tree holds `path` (a file or a folder), at the root or under a sub-project folder (monorepos name paths relative to a package). */
function has(tree: ReadonlySet<string>, index: TreeIndex, path: string): boolean {
  if (tree.has(path)) return true;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (index.byName.get(name) ?? []).some((entry) => entry.endsWith(`/${path}`));
}

/**
 * Whether the folder of a named file exists: at the root, beside the document, or, for
 * a path of two folders or more, under a sub-project. One folder name alone (`contracts/`,
 * `memory/`) found deep in the tree says nothing about which project the task means.
 */
function hasFolder(index: TreeIndex, folder: string, beside: string): boolean {
  if (index.folders.has(folder) || index.folders.has(`${beside}/${folder}`)) return true;
  if (!folder.includes('/')) return false;
  return (index.foldersByName.get(folder.slice(folder.lastIndexOf('/') + 1)) ?? []).some((entry) => entry.endsWith(`/${folder}`));
}

/** Paths some task of the document removes, moves or renames: gone on purpose, even when another task created them. */
function removedPaths(raws: readonly string[]): Set<string> {
  return new Set(raws.filter((raw) => REMOVAL.test(raw)).flatMap(namedPaths));
}

/**
 * Tasks marked done that name a file (`src/cli/main.ts`) the repository does not have.
 * Needs the repository tree; without it nothing is reported. Only a file whose folder
 * exists is reported: a missing folder means the tree is not the one the tasks speak
 * of (another project root, a partial checkout, a restructured project).
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
    const beside = document.path.slice(0, Math.max(0, document.path.lastIndexOf('/')));
    const tasks = taskItems(document);
    const raws = tasks.map((task) => document.lines[task.line - 1] ?? '');
    let index: TreeIndex | undefined;
    let removed: Set<string> | undefined;
    for (const [i, task] of tasks.entries()) {
      if (!task.checked || REMOVAL.test(raws[i]!)) continue;
      for (const path of namedPaths(raws[i]!)) {
        index ??= indexTree(tree);
        removed ??= removedPaths(raws);
        const folder = path.slice(0, path.lastIndexOf('/'));
        if (has(tree, index, path) || tree.has(`${beside}/${path}`) || removed.has(path) || !hasFolder(index, folder, beside)) continue;
        report({ line: task.line, message: `Missing file \`${path}\` named by done task \`${task.name}\`, expected it in the repository` });
      }
    }
  },
});
