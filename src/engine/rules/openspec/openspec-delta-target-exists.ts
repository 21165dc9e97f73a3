import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import type { Document } from '../../types.js';
import { mainRequirements, mainSpecPath, openspecPlace, readDelta, readLines } from './parse.js';

/**
 * A MODIFIED or REMOVED requirement, and a rename's old name, name a requirement of the main
 * spec the delta applies to (`openspec/specs/<capability>/spec.md`): archiving the change
 * fails otherwise. A requirement another active change ADDs to the same capability counts as
 * existing (that change is in flight and archives first). A main spec the repository tree
 * has but the run did not read is not judged; a capability with no main spec at all is one
 * finding per delta spec (the fix is one: ADDED, or the main spec).
 */
export default defineRule({
  meta: {
    id: 'openspec-delta-target-exists',
    gate: 'consistency',
    description: "An OpenSpec MODIFIED, REMOVED or RENAMED requirement exists in the capability's main spec.",
    kinds: ['spec'],
    families: ['openspec'],
    severity: 'warning',
    options: z.strictObject({}),
    // It reads the capability's main spec, another document's content.
    scope: 'run',
  },
  check({ document, all, tree, report }) {
    const place = openspecPlace(document.path);
    if (place?.type !== 'delta-spec' || place.archived) return;
    const delta = readDelta(readLines(document));
    const targets = [
      ...delta.modified, ...delta.removed,
      ...delta.renamed.map((rename) => ({ operation: 'RENAMED' as const, name: rename.from, line: rename.fromLine })),
    ].sort((a, b) => a.line - b.line);
    if (targets.length === 0) return;
    const mainPath = mainSpecPath(place.root, place.capability);
    const main = all.find((candidate) => candidate.path === mainPath);
    // A main spec the run knows exists but did not read: nothing to compare with.
    if (!main && tree?.has(mainPath)) return;
    const existing = new Set(main ? mainRequirements(readLines(main)).map((block) => block.name) : []);
    const inFlight = addedElsewhere(all, document, place.root, place.capability);
    const renamedTo = new Set(delta.renamed.map((rename) => rename.to));
    if (!main) {
      const missing = targets.filter((target) => !inFlight.has(target.name) && !(target.operation === 'MODIFIED' && renamedTo.has(target.name)));
      if (missing.length === 0) return;
      const what = missing.length > 1 ? `${missing.length} requirements (${missing[0]!.operation} \`${missing[0]!.name}\`, …)` : `${missing[0]!.operation} requirement \`${missing[0]!.name}\``;
      const expected = missing.every((target) => target.operation === 'REMOVED')
        ? 'expected requirements it has: there is nothing to remove, so archive ignores these entries'
        : 'expected ADDED requirements for a new capability (archive refuses MODIFIED and RENAMED for it)';
      report({ line: missing[0]!.line, message: `Unexpected ${what} for capability \`${place.capability}\`, which has no main spec (${mainPath}), ${expected}` });
      return;
    }
    for (const target of targets) {
      if (existing.has(target.name) || inFlight.has(target.name)) continue;
      // A MODIFIED of the new name of a rename in the same delta applies after the rename.
      if (target.operation === 'MODIFIED' && renamedTo.has(target.name)) continue;
      const fold = (name: string): string => name.toLowerCase().replace(/\s+/g, ' ');
      const near = [...existing].find((name) => fold(name) === fold(target.name));
      const word = target.operation === 'RENAMED' ? 'RENAMED FROM' : target.operation;
      if (near) report({ line: target.line, message: `Unexpected ${word} requirement \`${target.name}\`, expected \`${near}\` as the main spec spells it (names match exactly)` });
      else report({ line: target.line, message: `Unexpected ${word} requirement \`${target.name}\`, which ${mainPath} does not have, expected the name of one of its requirements (or ADDED for a new one)` });
    }
  },
});

/** Requirement names other active changes ADD (or rename to) for the same capability. */
function addedElsewhere(all: readonly Document[], self: Document, root: string, capability: string): Set<string> {
  const names = new Set<string>();
  for (const other of all) {
    if (other === self) continue;
    const place = openspecPlace(other.path);
    if (place?.type !== 'delta-spec' || place.archived || place.root !== root || place.capability !== capability) continue;
    const delta = readDelta(readLines(other));
    for (const entry of delta.added) names.add(entry.name);
    for (const rename of delta.renamed) names.add(rename.to);
  }
  return names;
}
