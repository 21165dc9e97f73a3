import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { isConstitution } from './is-constitution.js';
import { matchList } from '../../markdown/matches.js';

// spec-kit's constitution command writes `TODO(RATIFICATION_DATE): original adoption date unknown`
// for values it could not fill.
const DEFERRED = /\bTODO\(([A-Z][A-Z0-9_]*)\)\s*:?/g;

/**
 * A deferred value is an honest gap, not a broken template: it is reported as a warning so
 * someone fills it in.
 */
export default defineRule({
  meta: {
    id: 'constitution-no-deferred-values',
    gate: 'constitution',
    description: 'The constitution holds no `TODO(FIELD):` deferred values.',
    kinds: ['constitution'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    if (!isConstitution(document)) return;
    document.prose.forEach((text, index) => {
      for (const match of matchList(text, DEFERRED)) {
        report({
          line: index + 1,
          column: match.index + 1,
          message: `Unexpected deferred value \`TODO(${match[1]})\`, expected the constitution's \`${match[1]}\` filled in`,
        });
      }
    });
  },
});
