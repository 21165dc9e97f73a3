import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ignore } from 'ignore';
import type { SourceFile } from '../engine/index.js';
import { readStamped, type FileStamp } from './file-stamp.js';

// CommonJS `export =`. Required, not imported: Node 20 takes about 70 ms to import this
// package as ESM and 15 ms to require it, and a warm `check --cache` lists files first.
const ignore = createRequire(import.meta.url)('ignore') as () => Ignore;

// Never worth descending into: dependencies and git's object store can hold millions of files.
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface RepositoryFiles {
  /** Every file path in the tree (POSIX, relative to the root), for rules that look for files. */
  tree: Set<string>;
  /** The files `pick` accepted, read as bytes; the engine decodes them. */
  files: SourceFile[];
  /** The stamp of each file read, by path, taken as it was read (see {@link readStamped}). */
  stamps: Map<string, FileStamp>;
}

/** The patterns of one `.gitignore`, for paths under `base` (`''` for the root). */
interface IgnoreFile {
  base: string;
  matcher: Ignore;
}

/**
 * Walks a repository root iteratively (deep trees cannot overflow the stack), skipping
 * `node_modules`, `.git` and what the `.gitignore` files of the walked folders ignore,
 * and not following symbolic links (no cycles), and reads the files `pick` selects as
 * bytes (the engine, not the shell, decides about BOMs, CRLF and invalid UTF-8).
 * Paths come back sorted, so output is stable across file systems. `skip` is a folder
 * (absolute) left out as well: the cache folder, whose files change with every run.
 */
export function listFiles(root: string, pick: (path: string) => boolean, skip?: string, known?: KnownTree): RepositoryFiles {
  const onRead = known?.onRead ?? ((): void => {});
  const tree = known?.tree ?? walk(root, skip);
  const stamps = new Map<string, FileStamp>();
  const files = [...tree]
    .filter(pick)
    .sort()
    .map((path): SourceFile => {
      const absolute = join(root, path);
      const kept = known?.file?.(absolute);
      if (kept) {
        stamps.set(path, kept.stamp);
        return unreadFile(path, absolute, kept, onRead);
      }
      const { bytes, stamp } = readStamped(absolute);
      onRead();
      stamps.set(path, stamp);
      return { path, content: bytes };
    });
  return { tree, files, stamps };
}

/** What an earlier look at a root found (see run-cache.ts): its listing, and the files whose stamp matched the stored one. */
export interface KnownTree {
  tree?: Set<string>;
  file?(absolute: string): { stamp: FileStamp; key: string } | undefined;
  /** Called each time a picked file's bytes are read, now or later. */
  onRead?(): void;
}

/**
 * A file whose stamp says it holds the bytes stored under `key`: it is read only when its
 * content is, which the engine does only for the documents it checks again.
 */
function unreadFile(path: string, absolute: string, { stamp, key }: { stamp: FileStamp; key: string }, onRead: () => void): SourceFile {
  let bytes: Uint8Array | undefined;
  const file = { path, key, size: stamp[0] } as SourceFile;
  const read = (): Uint8Array => {
    onRead();
    return new Uint8Array(readFileSync(absolute));
  };
  Object.defineProperty(file, 'content', { enumerable: true, get: () => (bytes ??= read()) });
  return file;
}

/** Every file path under the root (see {@link listFiles}). */
function walk(root: string, skip: string | undefined): Set<string> {
  const tree = new Set<string>();
  const pending: Array<{ folder: string; ignores: IgnoreFile[] }> = [{ folder: '', ignores: [] }];
  while (pending.length > 0) {
    const { folder, ignores: above } = pending.pop()!;
    const ignores = withGitignore(root, folder, above);
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !isIgnored(ignores, `${path}/`) && join(root, path) !== skip) pending.push({ folder: path, ignores });
      } else if (entry.isFile() && !isIgnored(ignores, path)) {
        tree.add(path);
      }
    }
  }
  return tree;
}

/** The ignore files in force in `folder`: those above it, then its own `.gitignore` if it has one. */
function withGitignore(root: string, folder: string, above: readonly IgnoreFile[]): IgnoreFile[] {
  const file = join(root, folder, '.gitignore');
  if (!existsSync(file)) return [...above];
  return [...above, { base: folder, matcher: ignore().add(readFileSync(file, 'utf8')) }];
}

/** Git's order: the deepest `.gitignore` with a matching pattern (a `!` one included) decides. */
function isIgnored(ignores: readonly IgnoreFile[], path: string): boolean {
  for (let i = ignores.length - 1; i >= 0; i--) {
    const { base, matcher } = ignores[i]!;
    const result = matcher.test(base === '' ? path : path.slice(base.length + 1));
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}

