import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { idDefinitions } from './id-definitions.js';

/**
 * Each id is defined once per document. Ids restart in every feature folder and in
 * every checklist file, so uniqueness is never checked across documents.
 */
export default defineRule({
  meta: {
    id: 'unique-ids',
    gate: 'completeness',
    description: 'Task, checklist, requirement and success-criterion ids are defined once per document.',
    kinds: ['spec', 'tasks', 'checklist', 'plan'],
    severity: 'error',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    const first = new Map<string, number>();
    for (const { id, line } of idDefinitions(document)) {
      const earlier = first.get(id);
      if (earlier === undefined) first.set(id, line);
      else report({ line, message: `Unexpected duplicate id \`${id}\`, first defined at line ${earlier}` });
    }
  },
});
