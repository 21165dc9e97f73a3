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

/** How a create that may have landed is tried: attempts in all, and the pause before each look-up. */
export interface CreateOnceOptions<F> {
  /** Finds what an earlier attempt (or another writer) created; `undefined` when there is none. */
  find: () => Promise<F | undefined>;
  /** Creates sent at most (3 when absent). */
  attempts?: number;
  /** Pause after a failed create, before looking (500 ms when absent): a listing may trail a write by a moment. */
  pauseMs?: number;
}

/** A create's result: what the create answered, or what the look-up found instead. */
export type CreateResult<T, F> = { created: T } | { found: F };

/**
 * A create that is never sent twice blindly. GitHub sometimes applies a write and answers
 * 5xx anyway, and a timed-out request may have landed; Octokit's retry plugin would send
 * the POST again and make a second check run or issue. So each attempt goes out once
 * (`request.retries: 0`), and after an answer that leaves it unknown whether the write
 * landed (5xx, a timeout, a dropped connection) `find` looks the object up before the next
 * attempt; a refusal (4xx) surfaces at once, since nothing was written. After `attempts`
 * creates with nothing found, the last error surfaces.
 */
export async function createOnce<T, F>(octokit: GitHubClient, route: string, parameters: Record<string, unknown>, options: CreateOnceOptions<F>): Promise<CreateResult<T, F>> {
  const attempts = options.attempts ?? 3;
  const request = { ...(parameters['request'] as Record<string, unknown> | undefined), retries: 0 };
  for (let attempt = 1; ; attempt += 1) {
    let failure: unknown;
    try {
      return { created: (await octokit.request(route, { ...parameters, request })).data as T };
    } catch (error) {
      if (!mayHaveLanded(error)) throw error;
      failure = error;
    }
    await sleep(options.pauseMs ?? 500);
    const found = await options.find();
    if (found !== undefined) return { found };
    if (attempt >= attempts) throw failure;
  }
}

/** Whether a failed request may still have been applied: a 5xx, a timeout or a dropped connection (no status). */
export function mayHaveLanded(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status !== 'number' || status >= 500;
}
