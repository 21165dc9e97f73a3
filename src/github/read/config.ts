import { rest, type GitHubClient, type RepoRef } from '../client.js';

/** Where a repository keeps its specgate config. */
export const CONFIG_PATH = '.github/specgate.yml';

/**
 * The config text at `ref` (the base branch; the default branch when omitted), or
 * `undefined` when there is none. Never read from a PR head: a PR must not switch off its
 * own gates. `path` lets the Action's `config` input name another file. (The App reads config through Probot's `context.config`, which adds `_extends`.)
 */
export async function readConfigText({ octokit, owner, repo, ref, path = CONFIG_PATH }: RepoRef & { octokit: GitHubClient; ref?: string; path?: string }): Promise<string | undefined> {
  try {
    const data = await rest<{ content?: string; encoding?: string }>(octokit, 'GET /repos/{owner}/{repo}/contents/{path}', {
      owner, repo, path, ...(ref ? { ref } : {}),
    });
    if (typeof data.content !== 'string') return undefined;
    return Buffer.from(data.content, (data.encoding ?? 'base64') as BufferEncoding).toString('utf8');
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}
