import { z } from 'zod';
import { defineRule } from '../../rule.js';

/**
 * Reported by the engine itself, before parsing: binary files, invalid UTF-8 and files
 * over `max-file-size`. A file that cannot be read is a finding, never a crash.
 */
export default defineRule({
  meta: {
    id: 'readable-document',
    gate: 'completeness',
    description: 'Gated documents are UTF-8 text under the configured size limit.',
    kinds: [],
    severity: 'warning',
    options: z.object({}).strict(),
  },
  check() {
    // The engine reports this rule's findings while decoding; there is nothing to check on a parsed document.
  },
});
