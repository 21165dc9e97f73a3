import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from '../engine/index.js';

// Never worth descending into: dependencies and git's object store can hold millions of files.
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface RepositoryFiles {
  /** Every file path in the tree (POSIX, relative to the root), for rules that look for files. */
  tree: Set<string>;
  /** The files `pick` accepted, read as bytes; the engine decodes them. */
  files: SourceFile[];
}

/**
 * Walks a repository root iteratively (deep trees cannot overflow the stack), skipping
 * `node_modules` and `.git` and not following symbolic links (no cycles), and reads the
 * files `pick` selects. Paths come back sorted, so output is stable across file systems.
 */
export function listFiles(root: string, pick: (path: string) => boolean): RepositoryFiles {
  const tree = new Set<string>();
  const pending: string[] = [''];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(path);
      } else if (entry.isFile()) {
        tree.add(path);
      }
    }
  }
  const files = [...tree]
    .filter(pick)
    .sort()
    .map((path) => ({ path, content: readBytes(join(root, path)) }));
  return { tree, files };
}

/** Reads a file as bytes: the engine, not the shell, decides about BOMs, CRLF and invalid UTF-8. */
export function readBytes(path: string): Uint8Array {
  const buffer = readFileSync(path);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
