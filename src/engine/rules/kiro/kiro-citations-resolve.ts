import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { citations, criteriaById, kiroRequirements, requirementsOf } from './parse.js';

/** Every criterion a Kiro task or design property cites exists in the feature's requirements. */
export default defineRule({
  meta: {
    id: 'kiro-citations-resolve',
    gate: 'consistency',
    description: 'Every `_Requirements: X.Y_` and `**Validates: Requirements X.Y**` of a Kiro spec names a criterion its requirements.md defines.',
    kinds: ['tasks', 'plan'],
    families: ['kiro'],
    severity: 'error',
    options: z.strictObject({}),
  },
  check({ document, feature, report }) {
    const spec = requirementsOf(feature);
    // Without numbered requirements (a bugfix spec, a missing requirements.md) nothing can be resolved.
    if (!spec || kiroRequirements(spec).length === 0) return;
    const defined = criteriaById(spec);
    for (const citation of citations(document)) {
      if (defined.has(citation.id)) continue;
      const [requirement] = citation.id.split('.');
      const known = kiroRequirements(spec).find((r) => r.number === requirement);
      const why = known
        ? `\`Requirement ${requirement}\` has ${known.criteria.length} criteri${known.criteria.length === 1 ? 'on' : 'a'}`
        : `${spec.path} has no \`Requirement ${requirement}\``;
      report({ line: citation.line, column: citation.column, message: `Unexpected citation of criterion ${citation.id} (${why}), expected a criterion ${spec.path} defines` });
    }
  },
});
