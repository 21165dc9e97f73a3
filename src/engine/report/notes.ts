import { isExcluded } from '../config/resolve.js';
import { DEFAULT_ROOTS, type Config } from '../config/schema.js';
import type { Document } from '../types.js';

/**
 * What a run saw and did not gate, for a report that would otherwise end neutral in silence:
 * markdown under a known spec folder (the default roots: spec-kit's, Spec Kitty's, Kiro's,
 * OpenSpec's) that the config's `roots` leave out, or gated documents none of which is a
 * recognised kind or family. Each note names the config or the layout that would gate them.
 */
export function unrecognisedNotes(paths: Iterable<string>, documents: readonly Document[], config: Config): string[] {
  if (documents.some(isRecognised)) return [];
  if (documents.length > 0) {
    const counts = countByRoot(documents.map((document) => document.path), [...config.roots, ...DEFAULT_ROOTS]);
    return [`Unexpected ${documents.length} markdown ${plural(documents.length)} under ${describe(counts)} and none recognised as a spec, plan, tasks or proposal document, expected a known layout: spec-kit's \`specs/<feature>/spec.md\`, Kiro's \`.kiro/specs/<feature>/requirements.md\` or OpenSpec's \`openspec/specs/<capability>/spec.md\` (or set \`roots\` in \`.github/specgate.yml\` to the folders that hold them)`];
  }
  const gated = new Set(config.roots);
  const unseen = [...paths].filter((path) => /\.(md|markdown)$/i.test(path) && !isExcluded(path, config));
  const counts = countByRoot(unseen, DEFAULT_ROOTS.filter((root) => !gated.has(root)));
  if (counts.size === 0) return [];
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const roots = [...config.roots, ...counts.keys()].join(', ');
  return [`Unexpected ${total} markdown ${plural(total)} under ${describe(counts)} and none gated, expected them under \`roots\`: add \`roots: [${roots}]\` to \`.github/specgate.yml\` to gate them`];
}

function isRecognised(document: Document): boolean {
  return document.kind !== 'other' || document.family !== 'generic';
}

/** How many paths lie under each root (the first that holds them), in the roots' order. */
function countByRoot(paths: readonly string[], roots: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const path of paths) {
    const root = roots.find((candidate) => path.startsWith(`${candidate.replace(/\/+$/, '')}/`));
    if (root !== undefined) counts.set(root, (counts.get(root) ?? 0) + 1);
  }
  return new Map([...counts].sort(([a], [b]) => roots.indexOf(a) - roots.indexOf(b)));
}

function describe(counts: ReadonlyMap<string, number>): string {
  return [...counts].map(([root, count]) => `\`${root}\` (${count})`).join(', ');
}

function plural(count: number): string {
  return count === 1 ? 'document' : 'documents';
}
