/** The `check-runs` input of the Action. */
export type CheckRunsMode = 'auto' | 'always' | 'never';

/** Whether to publish separate check runs, and the one line that says why not. */
export interface ChecksDecision {
  publish: boolean;
  why?: string;
}

/**
 * `check-runs: auto` publishes only when both hold:
 * - the token can write: not a fork (or Dependabot) `pull_request` run, whose token is read-only;
 * - the token is an installation token (`ghs_`: `github.token` or a GitHub App token), the only
 *   kind the Checks API accepts — a personal access token would get 403.
 * `always` tries regardless (a 403 still degrades); `never` leaves the job as the only check.
 */
export function decideChecks(mode: CheckRunsMode, token: string, readOnly: { why: string } | undefined): ChecksDecision {
  if (mode === 'never') return { publish: false };
  if (mode === 'always') return { publish: true };
  // The caller says once why a read-only run writes nothing (see readOnlyNote).
  if (readOnly) return { publish: false };
  if (!isInstallationToken(token)) return { publish: false, why: 'No check runs: the token is not an installation token (only `github.token` or a GitHub App token can create check runs); the job status carries the result.' };
  return { publish: true };
}

/** The one line a read-only run prints instead of failing on 403s. */
export function readOnlyNote(readOnly: { why: string }): string {
  return `Read-only token: ${readOnly.why}; no check runs or clarification issues are written, and the job status, annotations and job summary carry the result.`;
}

/**
 * Installation tokens (`ghs_`: the workflow's `github.token` and GitHub App tokens) are
 * the only tokens the Checks API accepts; personal access tokens get 403.
 */
export function isInstallationToken(token: string): boolean {
  return token.startsWith('ghs_');
}
