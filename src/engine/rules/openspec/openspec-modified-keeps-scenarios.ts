import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { mainRequirements, mainSpecPath, openspecPlace, readDelta, readLines, scenarioName } from './parse.js';

/**
 * A MODIFIED requirement replaces the whole block of the main spec, so it carries every
 * scenario the main spec has for it (by name; a scenario may change, not vanish): OpenSpec's
 * archive refuses a block that drops one. One finding per MODIFIED block, naming the
 * scenarios it drops. A requirement the same delta renames is compared under its old name.
 */
export default defineRule({
  meta: {
    id: 'openspec-modified-keeps-scenarios',
    gate: 'consistency',
    description: "An OpenSpec MODIFIED requirement keeps every scenario the main spec's requirement has.",
    kinds: ['spec'],
    families: ['openspec'],
    severity: 'error',
    options: z.strictObject({}),
    // It reads the capability's main spec, another document's content.
    scope: 'run',
  },
  check({ document, all, report }) {
    const place = openspecPlace(document.path);
    if (place?.type !== 'delta-spec' || place.archived) return;
    const delta = readDelta(readLines(document));
    if (delta.modified.length === 0) return;
    const main = all.find((candidate) => candidate.path === mainSpecPath(place.root, place.capability));
    if (!main) return;
    const mainRead = readLines(main);
    const current = new Map(mainRequirements(mainRead).map((block) => [block.name, block]));
    const oldName = new Map(delta.renamed.map((rename) => [rename.to, rename.from]));
    const renamedAway = new Set(delta.renamed.map((rename) => rename.from));
    for (const entry of delta.modified) {
      if (renamedAway.has(entry.name)) continue;
      const block = current.get(entry.name) ?? current.get(oldName.get(entry.name) ?? '');
      if (!block) continue;
      const kept = entry.block!.scenarios.map((scenario) => scenario.name);
      const dropped = remaining(block.scenarios.map((scenario) => scenarioName(main.lines[scenario.line - 1]!)), kept);
      if (dropped.length === 0) continue;
      const names = dropped.map((name) => `\`${name}\``).join(', ');
      report({ line: entry.line, message: `Unexpected MODIFIED requirement \`${entry.name}\` without scenario${dropped.length > 1 ? 's' : ''} ${names} of ${main.path}, expected the whole block with every current scenario (MODIFIED replaces it; archive refuses to drop one)` });
    }
  },
});

/** The names of `current` not matched by `kept`, counting repeats. */
function remaining(current: readonly string[], kept: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const name of kept) left.set(name, (left.get(name) ?? 0) + 1);
  const out: string[] = [];
  for (const name of current) {
    const count = left.get(name) ?? 0;
    if (count > 0) left.set(name, count - 1);
    else out.push(name);
  }
  return out;
}
