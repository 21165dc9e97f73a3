import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { baseName, featureName, type FeatureName } from './feature-folders.js';
import { HEAD_LINES } from './plan-spec-link-resolves.js';

// `**Feature Branch**: `001-x``, `**Branch**: 001-x | **Date**: …`, `**Branch da Funcionalidade**: …`.
const LABEL = /^\s*(?:[-*]\s+)?\*\*(?:Feature\s+)?Branch(?:\s+da\s+Funcionalidade)?\s*[:：]?\*\*\s*[:：]?\s*/i;
// The branch: the first token of the value, backticks and brackets around it dropped.
const VALUE = /^[`[\s]*([^`\]\s|·,;]+)/;

/** The branch a header line names, as written, or undefined. */
export function headerBranch(line: string): string | undefined {
  const label = LABEL.exec(line);
  if (!label) return undefined;
  return VALUE.exec(line.slice(label[0].length))?.[1];
}

/** Whether a branch's name and a folder's name agree: equal, or one a prefix of the other (a truncated branch name). */
function namesAgree(branch: FeatureName, folder: FeatureName): boolean {
  return branch.name === '' || folder.name.startsWith(branch.name) || branch.name.startsWith(folder.name);
}

/**
 * A spec or plan's header branch names its feature folder: same number, and the same
 * short name (or a prefix of it). Branches without a feature number (`main`, `N/A`,
 * `claude/…`, the template's `[###-feature-name]`) and folders without one are not decided.
 */
export default defineRule({
  meta: {
    id: 'branch-matches-folder',
    gate: 'consistency',
    description: 'The branch a spec or plan header names matches its feature folder.',
    kinds: ['spec', 'plan'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    const folderName = baseName(document.feature);
    const folder = featureName(folderName);
    if (!folder) return;
    const index = document.lines.slice(0, HEAD_LINES).findIndex((line, at) => document.prose[at]?.trim() && headerBranch(line) !== undefined);
    if (index < 0) return;
    const written = headerBranch(document.lines[index]!)!;
    const branchName = baseName(written).replace(/[-.:]+$/, '');
    const branch = featureName(branchName);
    if (!branch) return;
    if (branch.number === folder.number && namesAgree(branch, folder)) return;
    const why = branch.number === folder.number ? 'names differ' : 'numbers differ';
    report({ line: index + 1, message: `Unexpected branch \`${written}\` in the header (${why}), expected the feature folder's name \`${folderName}\`` });
  },
});
