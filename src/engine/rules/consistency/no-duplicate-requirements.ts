import { z } from 'zod';
import { defineRule } from '../../rule.js';
import { requirementDefinitions, type Requirement } from './trace.js';

const MIN_WORDS = 4;

/** Lower-case words of a requirement, without markup, punctuation or the id. */
function words(requirement: Requirement): string[] {
  return requirement.text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean);
}

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/**
 * No two requirements say the same thing: identical normalised text, or word sets that
 * overlap by at least `threshold` (Jaccard). Reported on the later requirement.
 */
export default defineRule({
  meta: {
    id: 'no-duplicate-requirements',
    gate: 'consistency',
    description: 'Requirements and success criteria of a spec are not duplicates of each other.',
    kinds: ['spec'],
    severity: 'warning',
    options: z.object({ threshold: z.number().min(0.5).max(1).default(0.9) }).strict(),
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
