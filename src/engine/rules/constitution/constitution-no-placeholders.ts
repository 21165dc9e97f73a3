import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { isConstitution } from './is-constitution.js';
import { matchList } from '../../markdown/matches.js';

// spec-kit's constitution template tokens all carry an underscore: `[PROJECT_NAME]`,
// `[PRINCIPLE_1_NAME]`, `[CONSTITUTION_VERSION]`. A reference link (`[API_DOCS]: url`,
// `[X_Y](url)`) is not a token.
const TOKEN = /\[([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\](?![(:[])/g;

/**
 * A constitution still holding template tokens was never filled: plans cannot be checked
 * against principles that read `[PRINCIPLE_1_NAME]`. Tokens inside HTML comments (the
 * template's own guidance) are not content.
 */
export default defineRule({
  meta: {
    id: 'constitution-no-placeholders',
    gate: 'constitution',
    description: 'The constitution holds no `[ALL_CAPS]` template placeholders.',
    kinds: ['constitution'],
    severity: 'error',
    options: z.strictObject({}),
    residue: true,
  },
  check({ document, report }) {
    if (!isConstitution(document)) return;
    document.prose.forEach((text, index) => {
      for (const match of matchList(text, TOKEN)) {
        report({
          line: index + 1,
          column: match.index + 1,
          message: `Unexpected template placeholder \`${match[0]}\`, expected the constitution's own value`,
        });
      }
    });
  },
});
