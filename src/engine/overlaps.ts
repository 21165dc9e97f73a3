import type { Rule } from './rule.js';
import type { Finding } from './types.js';

/** A stamped finding with what the engine knows of where it came from. */
export interface Candidate {
  finding: Finding;
  rule: Rule;
  /** About template state: the rule's `meta.residue`, or the finding's own `residue` flag. */
  residue: boolean;
}

/**
 * One finding per problem, by two mechanisms that rules declare in `meta` and that are
 * applied here and nowhere else:
 *
 * 1. Template fold: in a document that a `foldsResidue` rule reports (`unfilled-template`),
 *    residue findings are dropped; that one finding names their count and first lines.
 * 2. Precedence: on one line of one document, a finding is dropped when another rule that
 *    reported the same line `supersedes` its rule.
 *
 * The order of the input is kept.
 */
export function resolveOverlaps(candidates: readonly Candidate[]): Finding[] {
  const folded = new Set(candidates.filter(({ rule }) => rule.meta.foldsResidue === true).map(({ finding }) => finding.path));
  const kept = candidates.filter(({ finding, rule, residue }) => !(residue && rule.meta.foldsResidue !== true && folded.has(finding.path)));
  const beaten = new Set<string>();
  for (const { finding, rule } of kept) {
    for (const id of rule.meta.supersedes ?? []) beaten.add(lineKey(finding, id));
  }
  return kept.filter(({ finding }) => !beaten.has(lineKey(finding, finding.rule))).map(({ finding }) => finding);
}

function lineKey(finding: Finding, rule: string): string {
  return `${finding.path}\u0000${finding.line}\u0000${rule}`;
}
