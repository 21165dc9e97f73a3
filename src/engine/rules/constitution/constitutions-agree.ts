import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import type { Document } from '../../types.js';
import { findConstitution, normalise, principles, versionOf } from './read-constitution.js';

// Where a constitution sits below the folder it governs.
const PLACE = /(?:^|\/)(?:\.specify\/)?memory\/constitution\.md$/;
// Spec Kitty's constitution governs `kitty-specs/` only; spec-kit's never meets it.
const KITTY = /(?:^|\/)\.kittify\/memory\/constitution\.md$/;

/**
 * Two constitutions that could govern the same plans (the same folder, or one in a folder
 * above the other: `memory/constitution.md` left behind next to `.specify/memory/
 * constitution.md`, a package's copy under the repository's) must agree on version and
 * principles. The finding is on the one no plan is checked against, naming the one that
 * is: an agent or reviewer reading the other one works to rules the gate does not check.
 * Constitutions that each govern plans of their own (one per package) are left alone.
 */
export default defineRule({
  meta: {
    id: 'constitutions-agree',
    gate: 'constitution',
    description: 'Two constitutions in one repository agree on version and principles; the one no plan uses is reported.',
    kinds: ['constitution'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, all, constitution: configured, report }) {
    if (!PLACE.test(document.path) || KITTY.test(document.path)) return;
    const plans = all.filter((other) => other.kind === 'plan');
    const used = new Set((plans.length > 0 ? plans.map((plan) => findConstitution(all, plan, configured)) : [findConstitution(all, undefined, configured)]).filter((found) => found !== undefined));
    if (used.has(document)) return;
    const rival = [...used].find((other) => other !== document && PLACE.test(other.path) && overlaps(document.path, other.path) && differs(document, other));
    if (!rival) return;
    const version = versionOf(document);
    report({
      line: version?.line ?? 1,
      message: `Unexpected second constitution that differs from \`${rival.path}\` (${difference(document, rival)}), expected one constitution: plans are checked against \`${rival.path}\`; remove this one or make it the same`,
    });
  },
});

/** The folder a constitution governs: its path without `.specify/memory/constitution.md`. */
function governed(path: string): string {
  return path.replace(PLACE, '');
}

/** Whether two constitutions could govern the same plans: one governs a folder at or above the other's. */
function overlaps(a: string, b: string): boolean {
  const [x, y] = [governed(a), governed(b)];
  return x === y || x === '' || y === '' || x.startsWith(`${y}/`) || y.startsWith(`${x}/`);
}

function principleSet(document: Document): string[] {
  return principles(document).map((principle) => normalise(principle.name)).sort();
}

function differs(a: Document, b: Document): boolean {
  return difference(a, b) !== '';
}

/** What differs: `version 1.0.0 against 1.2.0`, `principles III. Simplicity only here`. */
function difference(document: Document, rival: Document): string {
  const parts: string[] = [];
  const [mine, theirs] = [versionOf(document)?.version, versionOf(rival)?.version];
  if (mine !== theirs) parts.push(`version ${mine ? `\`${mine}\`` : 'none'} against \`${theirs ?? 'none'}\``);
  const [own, other] = [principleSet(document), principleSet(rival)];
  const onlyHere = principles(document).filter((principle) => !other.includes(normalise(principle.name)));
  const onlyThere = principles(rival).filter((principle) => !own.includes(normalise(principle.name)));
  if (onlyHere.length > 0) parts.push(`principles only here: ${onlyHere.map((principle) => `\`${principle.numeral}. ${principle.name}\``).join(', ')}`);
  if (onlyThere.length > 0) parts.push(`principles only there: ${onlyThere.map((principle) => `\`${principle.numeral}. ${principle.name}\``).join(', ')}`);
  return parts.join('; ');
}
