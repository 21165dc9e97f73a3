import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { proseMatches } from './residue-scope.js';

// `TODO:` / `TODO(` as a note, `TKTK`, `???`. A bare `TODO` is usually a status value or a
// file name (`TODO.md`, `**Status:** TODO`) in real specs, so it is not a marker.
const MARKERS = /\bTODO\s*[:(]|\bTKTK\b|\?{3,}/g;

/** Notes left for later in prose. A constitution's `TODO(FIELD):` belongs to the constitution gate. */
export default defineRule({
  meta: {
    id: 'no-todo-markers',
    gate: 'completeness',
    description: 'Documents hold no `TODO:` notes, `TKTK` or `???` markers in their prose.',
    kinds: ['spec', 'plan', 'tasks', 'checklist', 'research', 'data-model', 'quickstart', 'contract', 'proposal', 'other'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    for (const match of proseMatches(document, MARKERS)) {
      const marker = match.text.replace(/\s*[:(]$/, '');
      report({ line: match.line, column: match.column, message: `Unexpected \`${marker}\` marker, expected the open point resolved or tracked elsewhere` });
    }
  },
});
