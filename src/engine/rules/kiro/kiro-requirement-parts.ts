import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { kiroRequirements } from './parse.js';

/** Every `### Requirement N` of a Kiro requirements document has a user story and numbered acceptance criteria. */
export default defineRule({
  meta: {
    id: 'kiro-requirement-parts',
    gate: 'completeness',
    description: 'Every Kiro `### Requirement N` has a `**User Story:**` and `#### Acceptance Criteria` with numbered criteria.',
    kinds: ['spec'],
    families: ['kiro'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    for (const requirement of kiroRequirements(document)) {
      const name = `\`Requirement ${requirement.number}\``;
      if (requirement.storyLine === undefined) {
        report({ line: requirement.line, message: `Unexpected ${name} without a user story, expected a \`**User Story:** As a <role>, I want <feature>, so that <benefit>\` line` });
      }
      if (!requirement.criteriaSection) {
        report({ line: requirement.line, message: `Unexpected ${name} without acceptance criteria, expected a \`#### Acceptance Criteria\` heading and numbered criteria under it` });
      } else if (requirement.criteria.length === 0) {
        report({ line: requirement.criteriaSection.line, message: `Unexpected empty \`Acceptance Criteria\` in ${name}, expected numbered criteria (\`1. WHEN … THEN THE <system> SHALL …\`)` });
      }
    }
  },
});
