import * as z from 'zod/mini';
import { defineRule, oncePer } from '../../rule.js';
import type { Document } from '../../types.js';
import { baseName, featureName, parentOf } from './feature-folders.js';

const FEATURE_KINDS = new Set(['spec', 'plan', 'tasks']);

/** Numbered feature folders of the run and the tree: folders of the gated documents, and of every `spec.md`/`plan.md`/`tasks.md` the tree holds. */
function featureFolders(all: readonly Document[], tree: ReadonlySet<string>): Set<string> {
  const result = new Set<string>();
  for (const document of all) if (FEATURE_KINDS.has(document.kind) && document.feature) result.add(document.feature);
  for (const path of tree) if (/(?:^|\/)(?:spec|plan|tasks)\.md$/.test(path)) result.add(parentOf(path));
  return new Set([...result].filter((folder) => folder && featureName(baseName(folder))));
}

const NO_TREE: ReadonlySet<string> = new Set();
/** {@link featureFolders}, once per run rather than once per document. */
const foldersOf = oncePer((all: readonly Document[]) => oncePer((tree: ReadonlySet<string>) => featureFolders(all, tree)));

/** The document a folder's findings attach to: its spec, else its first feature document by path. */
function representative(documents: readonly Document[]): Document | undefined {
  const own = documents.filter((document) => FEATURE_KINDS.has(document.kind)).sort((a, b) => a.path.localeCompare(b.path));
  return own.find((document) => document.kind === 'spec') ?? own[0];
}

/**
 * No two feature folders in one folder (`specs/`) share a number: spec-kit finds a
 * feature's folder by its number, and two folders `specs/003-a/` and `specs/003-b/`
 * make that ambiguous. Reported on every folder after the first (by name), at line 1 of
 * its spec (or first feature document), naming the first.
 */
export default defineRule({
  meta: {
    id: 'feature-numbers-unique',
    gate: 'consistency',
    description: 'No two feature folders in one specs folder share a number.',
    kinds: ['spec', 'plan', 'tasks'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, feature, all, tree, report }) {
    const own = featureName(baseName(document.feature));
    if (!document.feature || !own || representative(feature) !== document) return;
    const parent = parentOf(document.feature);
    const siblings = [...foldersOf(all)(tree ?? NO_TREE)]
      .filter((folder) => parentOf(folder) === parent && featureName(baseName(folder))?.number === own.number)
      .sort();
    const first = siblings[0];
    if (!first || first === document.feature) return;
    report({
      line: 1,
      message: `Unexpected feature number \`${own.number}\` of \`${document.feature}\`, also used by \`${first}\`; expected one feature folder per number in \`${parent || '.'}/\``,
    });
  },
});
