import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';

/**
 * Reported by the engine itself, before parsing: binary files, invalid UTF-8, files over
 * `max-file-size`, and markdown too costly or too deeply nested to parse. A gate fails
 * closed: a document that cannot be fully checked is an error, never a silent pass, and
 * (binary files aside) it is still scanned line by line so its markers, checkboxes and
 * ids are reported as usual.
 */
export default defineRule({
  meta: {
    id: 'readable-document',
    gate: 'completeness',
    description: 'Gated documents can be fully checked: UTF-8 text under the configured size limit that the markdown parser can take in bounded time.',
    kinds: [],
    severity: 'error',
    options: z.strictObject({}),
  },
  check() {
    // The engine reports this rule's findings while decoding; there is nothing to check on a parsed document.
  },
});
