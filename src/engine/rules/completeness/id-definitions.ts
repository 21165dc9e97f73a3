import type { Document, Kind } from '../../types.js';

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

// The ids each kind of document defines. Any other id in it is a mention: a validation checklist's
// `- [ ] T014 verified` names a task of tasks.md; `- **FR-001**: ...` in tasks.md quotes the spec.
// A tasks document may embed a checklist of its own, so its `CHK` items define.
// Kinds not listed (plans, research, ...) may hold any list, so every id they state counts.
const DEFINES: Partial<Record<Kind, RegExp>> = {
  tasks: /^(?:T|CHK)\d/,
  checklist: /^CHK\d/,
  spec: /^(?:FR|NFR|SC|CHK)-?\d/,
};

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
  const own = DEFINES[document.kind];
  return found.filter(({ id }) => !own || own.test(id)).sort((a, b) => a.line - b.line);
}
