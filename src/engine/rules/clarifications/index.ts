import type { Rule } from '../../rule.js';
import noStaleClarifications from './no-stale-clarifications.js';
import noUnresolvedClarifications from './no-unresolved-clarifications.js';
import technicalContextResolved from './technical-context-resolved.js';

/** The clarifications gate's rules, sorted by id. */
export const clarificationsRules: Rule[] = [
  noStaleClarifications,
  noUnresolvedClarifications,
  technicalContextResolved,
];
