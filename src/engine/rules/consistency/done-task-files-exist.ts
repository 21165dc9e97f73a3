import * as z from 'zod/mini';
import { defineRule, oncePerPaths } from '../../rule.js';
import type { Document } from '../../types.js';
import { taskItems } from './trace.js';
import { matchList } from '../../markdown/matches.js';

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
  for (const match of matchList(raw, PATH)) {
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

const indexTree = oncePerPaths((tree): TreeIndex => {
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
});

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

// `Rename X to Y`, `Move X to Y`: the new name after `to` is expected to exist.
const RENAME_TARGET = /\b(?:rename|renamed|move|moved|migrate|migrated|replace|replaced)\b.*?\b(?:to|into|with|by)\b(.*)$/i;

/** Paths some task of the document removes, moves or renames (the old names): gone on purpose, even when another task created them. */
function removedPaths(raws: readonly string[]): Set<string> {
  return new Set(raws.filter((raw) => REMOVAL.test(raw)).flatMap((raw) => {
    const targets = new Set(namedPaths(RENAME_TARGET.exec(raw)?.[1] ?? ''));
    return namedPaths(raw).filter((path) => !targets.has(path));
  }));
}

/** The paths a done task expects to exist: every named path but the ones it deletes or renames away. */
function expectedPaths(raw: string): string[] {
  if (!REMOVAL.test(raw)) return namedPaths(raw);
  const target = RENAME_TARGET.exec(raw)?.[1];
  return target ? namedPaths(target) : [];
}

/** A done task naming a path the tree does not have. */
export interface MissingPath {
  task: string;
  line: number;
  path: string;
  /** Whether the path's folder exists (at the root, beside the document, or under a sub-project). */
  folderExists: boolean;
}

// Source code, as opposed to documents and configuration: a tree holding none is a specs-only tree.
const SOURCE = /\.(?:ts|tsx|js|jsx|mjs|cjs|py|go|rs|java|kt|kts|cs|fs|rb|php|swift|c|cc|cpp|h|hpp|m|scala|ex|exs|dart|vue|svelte|lua|sh|sql)$/i;

/** Whether the tree holds any source file outside the specs (a code repository, not a specs-only one). */
export const hasSourceFiles = oncePerPaths((tree): boolean => {
  for (const entry of tree) if (SOURCE.test(entry) && !/(?:^|\/)(?:specs|\.specify|docs?)\//.test(entry)) return true;
  return false;
});

/**
 * Paths named by the done tasks of a tasks document that the tree does not hold. Paths
 * a task deletes, moves or renames away, and build output, are not expected.
 */
export function missingDonePaths(document: Document, tree: ReadonlySet<string>): MissingPath[] {
  const beside = document.path.slice(0, Math.max(0, document.path.lastIndexOf('/')));
  const tasks = taskItems(document);
  const raws = tasks.map((task) => document.lines[task.line - 1] ?? '');
  const missing: MissingPath[] = [];
  let index: TreeIndex | undefined;
  let removed: Set<string> | undefined;
  for (const [i, task] of tasks.entries()) {
    if (!task.checked) continue;
    for (const path of expectedPaths(raws[i]!)) {
      index ??= indexTree(tree);
      removed ??= removedPaths(raws);
      if (has(tree, index, path) || tree.has(`${beside}/${path}`) || removed.has(path)) continue;
      const folder = path.slice(0, path.lastIndexOf('/'));
      missing.push({ task: task.name, line: task.line, path, folderExists: hasFolder(index, folder, beside) });
    }
  }
  return missing;
}

/**
 * Tasks marked done that name a file (`src/cli/main.ts`) the repository does not have,
 * in a folder it has: the task says the file was written, the tree says it was not.
 * Needs the repository tree; without it nothing is reported. A file whose folder is
 * missing too is `done-task-folders-exist`'s.
 */
export default defineRule({
  meta: {
    id: 'done-task-files-exist',
    gate: 'consistency',
    description: 'Files named by tasks marked done exist in the repository (when their folder does).',
    kinds: ['tasks'],
    severity: 'error',
    options: z.strictObject({}),
  },
  check({ document, tree, report }) {
    if (!tree || tree.size === 0) return;
    for (const missing of missingDonePaths(document, tree)) {
      if (!missing.folderExists) continue;
      report({ line: missing.line, message: `Missing file \`${missing.path}\` named by done task \`${missing.task}\`, expected it in the repository` });
    }
  },
});
