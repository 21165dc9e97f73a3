import { execFileSync } from 'node:child_process';
import { UsageError } from './errors.js';

const MAX_BUFFER = 512 * 1024 * 1024;

/**
 * Reads the files as they were at `ref` (`--base`), for the rules that compare a
 * document with its previous version (constitution amendments). `root` must be inside
 * a git work tree; paths are relative to `root`. Paths absent at `ref` (or outside
 * `root`) are left out.
 * One `git cat-file --batch` process serves every file.
 */
export function readBase(root: string, ref: string, paths: readonly string[]): Map<string, string> {
  const commit = resolveCommit(root, ref);
  const prefix = git(root, ['rev-parse', '--show-prefix']).toString('utf8').trim();
  const base = new Map<string, string>();
  // A file outside `root` (`../x.md`) has no path under it to look up; it counts as new.
  const inside = paths.filter((path) => !path.startsWith('../') && !path.includes('\n'));
  if (inside.length === 0) return base;
  // `<commit>:<path>` with the work-tree prefix: paths under `root`, whatever subfolder of the repository it is.
  const input = inside.map((path) => `${commit}:${prefix}${path}\n`).join('');
  const output = git(root, ['cat-file', '--batch'], input);
  let offset = 0;
  for (const path of inside) {
    const end = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, end).toString('utf8');
    offset = end + 1;
    // `<name> missing` (absent at the ref) or `<name> ambiguous` carry no content.
    const found = /^\S+ (\S+) (\d+)$/.exec(header);
    if (!found) continue;
    const size = Number(found[2]);
    if (found[1] === 'blob') base.set(path, output.subarray(offset, offset + size).toString('utf8'));
    offset += size + 1;
  }
  return base;
}

/** The commit `ref` names; a ref git does not know is a usage error (exit 2). */
function resolveCommit(root: string, ref: string): string {
  if (ref.startsWith('-')) throw new UsageError(`Unknown git ref \`${ref}\` for --base`);
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).toString('utf8').trim();
  } catch (error) {
    const inside = isWorkTree(root);
    const message = inside
      ? `Unknown git ref \`${ref}\` for --base, expected a branch, tag or commit of the repository at \`${root}\``
      : `Unexpected --base outside a git work tree: \`${root}\` is not inside a git repository`;
    throw new UsageError(message, { cause: error });
  }
}

function isWorkTree(root: string): boolean {
  try {
    return git(root, ['rev-parse', '--is-inside-work-tree']).toString('utf8').trim() === 'true';
  } catch {
    return false;
  }
}

function git(root: string, args: readonly string[], input?: string): Buffer {
  return execFileSync('git', ['-C', root, ...args], { input, maxBuffer: MAX_BUFFER, stdio: ['pipe', 'pipe', 'pipe'] });
}
