import type { Document } from '../../types.js';

/** An id a document defines (not merely mentions): `T001`, `CHK001`, `FR-001`, `SC-001`. */
export interface IdDefinition {
  id: string;
  line: number;
}

// The id at the start of a checkbox item: tasks and checklist items (bold removed by the parser).
// Inserted tasks carry a suffix (`T035.5`, `T012a`, `T020-1`) and are ids of their own.
const BOX_ID = /^((?:T|CHK)\d+(?:[.-]\d+)*[a-z]?)(?![\w.-])/;
// `- **FR-001**: ...`, `- FR-001: ...`, `**SC-001**: ...`: a requirement or criterion being stated.
const STATED_ID = /^\s*(?:(?:[-*+]|\d+\.)\s+)?(?:\[[ xX]\]\s+)?(?:\*\*)?((?:FR|NFR|SC)-\d+[a-z]?)(?:\*\*)?\s*(?:\*\*\s*)?[:：]/;

/** Every id definition in a document, in line order. Code, comments and tables never define. */
export function idDefinitions(document: Document): IdDefinition[] {
  const found: IdDefinition[] = [];
  for (const box of document.checkboxes) {
    const match = BOX_ID.exec(box.text);
    if (match) found.push({ id: match[1]!, line: box.line });
  }
  document.prose.forEach((text, index) => {
    const match = STATED_ID.exec(text);
    if (match) found.push({ id: match[1]!, line: index + 1 });
  });
  return found.sort((a, b) => a.line - b.line);
}
