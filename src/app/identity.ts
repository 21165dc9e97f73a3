import type { Probot } from 'probot';

/**
 * The login the App's installation tokens write as (`<slug>[bot]`), looked up once per
 * process with `GET /app` (app JWT) and reused; a failed lookup is retried on next use.
 * Waiver records are trusted only from comments by this login.
 */
export function appBotLogin(app: Pick<Probot, 'auth'>): () => Promise<string> {
  let pending: Promise<string> | undefined;
  return () => {
    pending ??= (async () => {
      const octokit = await app.auth();
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
