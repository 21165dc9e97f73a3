import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { requirementDefinitions, type Requirement } from './trace.js';

const MIN_WORDS = 4;
const STOPWORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'by', 'be', 'is', 'are', 'that', 'this', 'must', 'should', 'shall', 'will', 'system']);

/** Lower-case words of a requirement, without markup, punctuation, stop words or plural `s`. */
function words(requirement: Requirement): string[] {
  return requirement.text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((word) => word !== '' && !STOPWORDS.has(word))
    .map((word) => (word.length > 3 ? word.replace(/s$/, '') : word));
}

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/**
 * No two requirements say the same thing. Near-duplicates are decided on normalised word
 * sets (case, punctuation, stop words and plural `s` ignored): by default only the same
 * words count, since requirements that differ in one word (`wall` / `another collider`)
 * are usually deliberate siblings. Lower `threshold` (Jaccard) to widen. Reported on the
 * later requirement.
 */
export default defineRule({
  meta: {
    id: 'no-duplicate-requirements',
    gate: 'consistency',
    description: 'Requirements and success criteria of a spec are not duplicates of each other.',
    kinds: ['spec'],
    severity: 'warning',
    options: z.strictObject({ threshold: z._default(z.number().check(z.minimum(0.5), z.maximum(1)), 1) }),
  },
  check({ document, options, report }) {
    const seen: Array<{ requirement: Requirement; set: Set<string>; joined: string }> = [];
    for (const requirement of requirementDefinitions(document)) {
      const list = words(requirement);
      if (list.length < MIN_WORDS) continue;
      const set = new Set(list);
      const joined = list.join(' ');
      const twin = seen.find((other) => other.requirement.id.slice(0, 2) === requirement.id.slice(0, 2) &&
        (other.joined === joined || similarity(other.set, set) >= options.threshold));
      if (twin) {
        report({ line: requirement.line, message: `Unexpected duplicate requirement \`${requirement.id}\`, it repeats \`${twin.requirement.id}\` (line ${twin.requirement.line})` });
      } else {
        seen.push({ requirement, set, joined });
      }
    }
  },
});
