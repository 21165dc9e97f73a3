/**
 * The one shape of GitHub client src/github needs. Probot's `context.octokit` and
 * `@actions/github`'s `getOctokit()` both fit: only `request` and `graphql` are used, so
 * no plugin (paginate, rest methods) is assumed.
 */
export interface GitHubClient {
  request(route: string, parameters?: Record<string, unknown>): Promise<{ status: number; data: unknown; headers: Record<string, unknown> }>;
  graphql(query: string, variables?: Record<string, unknown>): Promise<unknown>;
}

/** A repository, as every helper here addresses it. */
export interface RepoRef {
  owner: string;
  repo: string;
}

/** Sends one REST request and returns its body typed as the caller expects. */
export async function rest<T>(octokit: GitHubClient, route: string, parameters: Record<string, unknown> = {}): Promise<T> {
  const response = await octokit.request(route, parameters);
  return response.data as T;
}

const PER_PAGE = 100;

/**
 * Every page of a list endpoint. The first page's `Link` header names the last page, so
 * the remaining pages are fetched together: two round trips whatever the length.
 */
export async function listAll<T>(octokit: GitHubClient, route: string, parameters: Record<string, unknown> = {}, pick?: (data: unknown) => T[]): Promise<T[]> {
  const take = pick ?? ((data: unknown) => data as T[]);
  const first = await octokit.request(route, { ...parameters, per_page: PER_PAGE, page: 1 });
  const items = [...take(first.data)];
  const last = lastPage(first.headers['link']);
  if (last <= 1) return items;
  const pages = Array.from({ length: last - 1 }, (_, i) => i + 2);
  const rest = await Promise.all(pages.map((page) => octokit.request(route, { ...parameters, per_page: PER_PAGE, page })));
  for (const response of rest) items.push(...take(response.data));
  return items;
}

function lastPage(link: unknown): number {
  if (typeof link !== 'string') return 1;
  const match = /[?&]page=(\d+)[^>]*>;\s*rel="last"/.exec(link);
  return match ? Number(match[1]) : 1;
}

/** Waits; used to pace content-creating requests (GitHub's secondary limits). */
export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
