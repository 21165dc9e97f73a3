import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { isGated, type Config, type SourceFile } from '../engine/index.js';
import { InputError } from './errors.js';

/** Folders never walked: they hold no documents and can be huge. */
const SKIPPED = new Set(['.git', 'node_modules']);

/** The files of a workspace folder, with paths relative to that folder (its "repository root"). */
export interface WorkspaceFiles {
  /** The folder, relative to the workspace with a trailing slash (`''` for the workspace itself). */
  prefix: string;
  files: SourceFile[];
  tree: Set<string>;
}

/** Resolves the `path` input against the workspace; it must be a folder inside it. */
export function resolveFolder(workspace: string, path: string): { folder: string; prefix: string } {
  const folder = resolve(workspace, path);
  const rel = relative(workspace, folder);
  if (rel.startsWith('..') || !existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new InputError(`Missing folder \`${path}\` in the workspace`, 'Check out the repository first (actions/checkout) and give `path` a folder inside it.');
  }
  const prefix = rel === '' ? '' : `${rel.split(sep).join('/')}/`;
  return { folder, prefix };
}

/** Reads the gated documents under `folder`, and the list of every path for rules that look for files. */
export function readWorkspace(folder: string, prefix: string, config: Config): WorkspaceFiles {
  const tree = new Set<string>();
  walk(folder, '', tree);
  const files = [...tree]
    .filter((path) => isGated(path, config))
    .sort()
    .map((path) => ({ path, content: readFileSync(join(folder, path)) }));
  return { prefix, files, tree };
}

/** Reads a text file of the folder, or undefined when it does not exist. */
export function readWorkspaceText(folder: string, path: string): string | undefined {
  const full = join(folder, path);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
}

function walk(root: string, rel: string, into: Set<string>): void {
  const entries = readdirSync(join(root, rel), { withFileTypes: true });
  for (const entry of entries) {
    if (SKIPPED.has(entry.name)) continue;
    const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) walk(root, path, into);
    else if (entry.isFile()) into.add(path);
  }
}
