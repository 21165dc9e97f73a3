import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
/** Where a repository keeps its config, relative to its root. */
export const CONFIG_PATH = '.github/specgate.yml';

/** Where a directory target is evaluated: the repository root whose config applies, and the part of it to check. */
export interface CheckRoot {
  root: string;
  /** The target's path under `root` (POSIX), `''` when the target is the root itself. */
  under: string;
}

/**
 * Config discovery as eslint and markdownlint-cli2 do it: a directory with its own
 * `.github/specgate.yml` is its root; otherwise, inside a git work tree, the nearest folder
 * above it with one (up to the git root) is, and only the target's files are checked.
 * Outside git, or with no config on the way up, the directory is its own root.
 */
export function findRoot(directory: string): CheckRoot {
  const gitRoot = findGitRoot(directory);
  if (gitRoot === undefined) return { root: directory, under: '' };
  for (let folder = directory; ; folder = dirname(folder)) {
    if (existsSync(join(folder, CONFIG_PATH))) return { root: folder, under: relative(folder, directory).split(sep).join('/') };
    if (folder === gitRoot || dirname(folder) === folder) return { root: directory, under: '' };
  }
}

/** The nearest folder at or above `directory` holding `.git` (a folder, or a file in worktrees and submodules). */
function findGitRoot(directory: string): string | undefined {
  for (let folder = directory; ; folder = dirname(folder)) {
    if (existsSync(join(folder, '.git'))) return folder;
    if (dirname(folder) === folder) return undefined;
  }
}
