import * as z from 'zod/mini';
import { defineRule, oncePerPaths } from '../../rule.js';
import type { Document } from '../../types.js';

// `**Spec**: [spec.md](./spec.md)`, `**Feature Spec**: …`, `**Input**: Feature specification from `/specs/x/spec.md``,
// at the start of a line or as a later field of the header line (`**Branch**: … | **Spec**: …`, fields parted by `|` or `·`).
const LABEL = /^\s*(?:[-*]\s+)?\*\*(?:Feature\s+)?(?:Spec|Specification|Input)\*\*\s*[:：]/i;
export const HEAD_LINES = 40;

/** The spec path a plan's header line points to, as written, or undefined. */
export function target(line: string): string | undefined {
  for (const field of line.split(/\s[|·]\s|\s[|·]$|^[|·]\s/)) {
    if (!LABEL.test(field)) continue;
    // The target stops at `(` and `]`: from each `](` a match can only run to the next one, so the scan stays linear.
    const link = /\]\(\s*<?([^()\s>\]]+)>?\s*\)/.exec(field)?.[1];
    if (link) return link;
    const path = /`([^`\s]*spec\.md)`/.exec(field)?.[1];
    if (path) return path;
  }
  return undefined;
}

/** The first segments of the known paths. */
export const rootsOf = oncePerPaths((paths): ReadonlySet<string> => new Set([...paths].map((path) => path.split('/')[0] ?? '')));

/**
 * Repository paths a target may mean: relative to the plan, and (when it does not start
 * with `./` or `../`) relative to the repository root, as `**Input**` lines write it.
 * Empty when it cannot be decided (URL, machine path, placeholder).
 */
export function candidates(plan: Document, raw: string, roots: ReadonlySet<string>): string[] {
  const relative = resolve(plan, raw, roots);
  if (relative === undefined) return [];
  const fromRoot = /^(\.{1,2}\/|\/)/.test(raw) ? [] : [raw.replace(/[#?].*$/, '')];
  return [relative, ...fromRoot];
}

function resolve(plan: Document, raw: string, roots: ReadonlySet<string>): string | undefined {
  let path: string;
  try {
    path = decodeURI(raw.replace(/[#?].*$/, ''));
  } catch {
    return undefined;
  }
  if (path === '' || /^[a-z]+:/i.test(path) || /[[\]<>{}]|###/.test(path)) return undefined;
  if (path.startsWith('/')) {
    const inside = path.slice(1);
    // `/Users/me/project/specs/...` is a path on the author's machine, not in the repository.
    return roots.has(inside.split('/')[0] ?? '') ? inside : undefined;
  }
  const parts = plan.path.split('/').slice(0, -1);
  for (const segment of path.split('/')) {
    if (segment === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

/**
 * The spec a plan names in its header exists: against the repository tree when the shell
 * gives one, else against the documents in the run. Machine-local absolute paths and
 * template placeholders are not decided.
 */
export default defineRule({
  meta: {
    id: 'plan-spec-link-resolves',
    gate: 'consistency',
    description: 'The spec a plan links in its header exists.',
    kinds: ['plan'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, paths, report }) {
    const roots = rootsOf(paths);
    // The Spec link and the Input line often name one missing file: one finding, at the first.
    const reported = new Set<string>();
    document.lines.slice(0, HEAD_LINES).forEach((line, index) => {
      if (!document.prose[index]?.trim()) return;
      const raw = target(line);
      if (!raw) return;
      const meant = candidates(document, raw, roots);
      if (meant.length === 0 || meant.some((path) => paths.has(path))) return;
      const path = meant.at(-1)!;
      if (reported.has(path)) return;
      reported.add(path);
      report({ line: index + 1, message: `Missing spec \`${path}\` linked as \`${raw}\`, expected the plan's spec link to point to an existing file` });
    });
  },
});
