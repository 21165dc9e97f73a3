import { readFileSync } from 'node:fs';
import type { EventInput } from '../github/flows/index.js';
import { EventError } from './errors.js';

/** Reads `GITHUB_EVENT_NAME` and the payload at `GITHUB_EVENT_PATH` (a webhook payload: see src/github/flows/event-job.ts). */
export function readEventFromEnv(env: NodeJS.ProcessEnv = process.env): EventInput {
  const path = env.GITHUB_EVENT_PATH;
  if (!env.GITHUB_EVENT_NAME || !path) {
    throw new EventError('Missing `GITHUB_EVENT_NAME` or `GITHUB_EVENT_PATH`', 'Run specgate as a step of a GitHub Actions workflow, or use the CLI (`specgate check`) locally.');
  }
  const payload = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  return { name: env.GITHUB_EVENT_NAME, payload, actor: env.GITHUB_ACTOR ?? '' };
}

/**
 * `path` gates the checked-out workspace. Under `pull_request_target` the job holds the base
 * repository's write token, and a workspace holding the pull request's head would be a
 * fork's files judged, and answered, with that token: refused. Without `path` specgate reads
 * the pull request's files through the API, as data.
 */
export function refuseUnsafeWorkspace(eventName: string | undefined, path: string | undefined): void {
  if (eventName !== 'pull_request_target' || path === undefined) return;
  throw new EventError(
    'Unexpected input `path` on a `pull_request_target` event: it would gate checked-out files of the pull request with the base repository\'s write token',
    'Remove `path` to gate the pull request through the API (specgate reads its files as data and executes nothing), or run on `pull_request`, whose token is read-only for forks.',
  );
}
