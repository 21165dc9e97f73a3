import type { Document } from '../../types.js';

/**
 * Whether a `constitution`-kind document is the constitution itself rather than a report or
 * checklist about it (`constitution_update_checklist.md`, "# Constitution Review Report").
 */
export function isConstitution(document: Document): boolean {
  if (/(^|\/)constitution\.md$/i.test(document.path)) return true;
  const title = document.sections.find((section) => section.depth === 1)?.title ?? '';
  return /constitution$|宪法$|憲法$|constitui[çc][ãa]o$|конституция$/i.test(title);
}
