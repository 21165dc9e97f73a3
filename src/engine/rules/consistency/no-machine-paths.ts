import * as z from 'zod/mini';
import { defineRule, oncePerPaths } from '../../rule.js';
import { KINDS, type Document } from '../../types.js';
import { matchList } from '../../markdown/matches.js';

// A path on the author's machine: a home folder, a dev container's workspace, a drive letter.
// Not preceded by a path character, so `src/components/home/x` and `…/concepts/workspaces/` are not one.
const MACHINE_PATH = /(?<![\w.~/\\-])((?:\/Users\/|\/home\/|\/workspaces\/|[A-Za-z]:\\)[^\s`'"()<>|*]{1,1000})/g;
// No repository path is this deep; a longer one is not looked up (its tails would cost the square of its length).
const MAX_SEGMENTS = 40;

/** Every folder of a set of paths, so that a path's tail can be looked up as a file or a folder. */
function folders(paths: Iterable<string>): Set<string> {
  const result = new Set<string>();
  for (const path of paths) {
    for (let at = path.lastIndexOf('/'); at > 0; at = path.lastIndexOf('/', at - 1)) {
      const folder = path.slice(0, at);
      if (result.has(folder)) break;
      result.add(folder);
    }
  }
  return result;
}

const knownFolders = oncePerPaths(folders);

/**
 * The repository path a machine path leads to (its tail of two segments or more that is a
 * file or folder of the repository), or undefined: `/home/user/Downloads` in a scenario is
 * an example, `/Users/me/app/specs/001-x/spec.md` is the repository's own file.
 */
export function repositoryTail(path: string, files: ReadonlySet<string>, known: ReadonlySet<string>): string | undefined {
  const segments = path.split(/[\\/]+/).filter(Boolean);
  if (segments.length > MAX_SEGMENTS) return undefined;
  for (let start = 1; start <= segments.length - 2; start++) {
    const tail = segments.slice(start).join('/').replace(/[.,:;]+$/, '');
    if (files.has(tail) || known.has(tail)) return tail;
  }
  return undefined;
}

/** Text pieces of a document outside code blocks and HTML, with their 1-based line: prose, inline code, link targets. */
function pieces(document: Document): Array<{ line: number; text: string }> {
  if (document.scanned) return document.prose.map((text, index) => ({ line: index + 1, text }));
  const found: Array<{ line: number; text: string }> = [];
  for (const node of document.nodes) {
    if (node.type !== 'text' && node.type !== 'inlineCode' && node.type !== 'link') continue;
    // A text node may span lines; each line keeps its own number.
    node.value.split('\n').forEach((text, offset) => found.push({ line: node.line + offset, text }));
  }
  return found;
}

/**
 * No prose, inline code or link of a document names a file of the repository by a path
 * on the author's machine (`/Users/…`, `/home/…`, `/workspaces/…`, `C:\…`): it leaks the
 * machine and resolves for no one else. Code blocks are examples and are not read.
 */
export default defineRule({
  meta: {
    id: 'no-machine-paths',
    gate: 'consistency',
    description: 'Documents name repository files by repository paths, not by paths on the author\'s machine.',
    kinds: KINDS,
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, paths, report }) {
    const reported = new Set<number>();
    for (const { line, text } of pieces(document)) {
      if (reported.has(line) || !text.includes('/') && !text.includes('\\')) continue;
      for (const match of matchList(text, MACHINE_PATH)) {
        const path = match[1]!;
        const tail = repositoryTail(path, paths, knownFolders(paths));
        if (!tail) continue;
        reported.add(line);
        report({ line, message: `Unexpected machine path \`${path}\`, expected the repository path \`${tail}\`` });
        break;
      }
    }
  },
});
