import type { GitHubClient } from '../client.js';

/**
 * The login a GitHub App's installation tokens write as (`<slug>[bot]`), looked up once per
 * process with `GET /app` (through `auth`, the app JWT's client) and reused; a failed
 * lookup is retried on next use. Waiver records are trusted only from comments by this login.
 */
export function appBotLogin(auth: () => Promise<GitHubClient>): () => Promise<string> {
  let pending: Promise<string> | undefined;
  return () => {
    pending ??= (async () => {
      const octokit = await auth();
      const { data } = await octokit.request('GET /app');
      const slug = (data as { slug?: string } | null)?.slug;
      if (!slug) throw new Error('GET /app answered without a `slug`; cannot tell which comments are specgate\'s own');
      return `${slug}[bot]`;
    })();
    pending.catch(() => {
      pending = undefined;
    });
    return pending;
  };
}
