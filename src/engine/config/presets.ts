import type { Family } from '../types.js';
import type { RuleSetting } from './schema.js';

/**
 * Rules that read spec-kit's (and Spec Kitty's) own shapes: `FR-`/`T001` ids, `[USn]` tasks,
 * numbered feature folders, branch headers, the plan template's sections and its
 * Constitution Check. Kiro and OpenSpec documents have none of these, so the rules are off
 * for them; the format-agnostic ones (clarification markers, TODOs, fences, instruction
 * comments, template residue, machine paths, done tasks naming missing files, duplicate
 * ids, unreadable files) keep their defaults.
 */
const SPEC_KIT_ONLY: Readonly<Record<string, RuleSetting>> = Object.fromEntries(
  [
    'branch-matches-folder',
    'clarifications-claim-matches-spec',
    'completed-plan-boxes-checked',
    'constitution-non-negotiable-addressed',
    'constitution-principles-addressed',
    'constitution-version-current',
    'feature-numbers-unique',
    'no-duplicate-requirements',
    'no-pass-with-open-clarifications',
    'no-placeholder-values',
    'non-negotiable-not-justified',
    'plan-spec-link-resolves',
    'progress-claims-have-artifacts',
    'required-checklists-present',
    'required-sections-present',
    'requirements-covered-by-tasks',
    'task-ids-sequential',
    'task-line-format',
    'task-list-structure',
    'task-references-exist',
    'technical-context-resolved',
    'user-stories-have-acceptance-scenarios',
  ].map((id) => [id, 'off' as const]),
);

/**
 * Rule settings per document family, applied over each rule's default severity and
 * under the repository's own `rules`. A rule a family does not list keeps its default.
 */
export const PRESETS: Record<Family, Readonly<Record<string, RuleSetting>>> = {
  'speckit-gen1': {},
  'speckit-gen2': {},
  'speckit-epic': {
    // The epic plan template names both checklists as required beside the plan.
    'required-checklists-present': { options: { files: ['checklists/requirements.md', 'checklists/PlanQualityGate.md'] } },
  },
  'phased-plan': {
    // Its template marks blanks only with `[bracketed phrases]`.
    'no-placeholder-values': 'error',
  },
  'milestone-plan': {
    // Its template marks blanks only with `[bracketed phrases]`.
    'no-placeholder-values': 'error',
  },
  kiro: { ...SPEC_KIT_ONLY },
  openspec: { ...SPEC_KIT_ONLY },
  generic: {},
};
