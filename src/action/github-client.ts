import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import type { GitHubClient, RepoRef } from '../github/client.js';
import { EventError, InputError, isForbidden } from './errors.js';

/** The Octokit for the `token` input; `getOctokit` follows `GITHUB_API_URL` (GHES, tests). */
export function createClient(token: string): GitHubClient {
  if (!token) throw new InputError('Missing input `token`', 'Pass `token: ${{ github.token }}` (the default) or an App installation token.');
  return getOctokit(token) as unknown as GitHubClient;
}

/** `GITHUB_REPOSITORY` as owner and name. */
export function currentRepo(env: NodeJS.ProcessEnv = process.env): RepoRef {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) throw new EventError('Missing `GITHUB_REPOSITORY`', 'Run specgate as a step of a GitHub Actions workflow.');
  return { owner, repo };
}

/**
 * Installation tokens (`ghs_`: the workflow's `github.token` and GitHub App tokens) are
 * the only tokens the Checks API accepts; personal access tokens get 403.
 */
export function isInstallationToken(token: string): boolean {
  return token.startsWith('ghs_');
}

/**
 * Collects the lines that tell the user why a write was skipped, and runs writes so that a
 * 403 (a read-only or under-privileged token) degrades to one such line instead of a failure.
 */
export class WriteGuard {
  readonly notes: string[] = [];
  private readonly dryRun: boolean;

  constructor(dryRun: boolean) {
    this.dryRun = dryRun;
  }

  /** Adds one explanatory line (shown in the log and the job summary). */
  note(line: string): void {
    if (!this.notes.includes(line)) this.notes.push(line);
  }

  /** Runs `write` unless this is a dry run; a 403 becomes a note naming the permission to grant. */
  async write<T>(what: string, permission: string, write: () => Promise<T>): Promise<T | undefined> {
    if (this.dryRun) {
      this.note(`Dry run: would ${what}.`);
      return undefined;
    }
    try {
      return await write();
    } catch (error) {
      if (!isForbidden(error)) throw error;
      core.debug(error instanceof Error ? error.message : String(error));
      this.note(`Could not ${what}: the token may not (HTTP 403; grant \`${permission}\`). The job status, annotations and this summary carry the result.`);
      return undefined;
    }
  }
}
