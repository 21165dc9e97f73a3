import { CHECK_NAME } from '../checks/plan.js';
import { failCheck, type ExistingRun } from '../checks/publish.js';
import { rest } from '../client.js';
import type { FlowPort, RepoInput } from './ports.js';
import { headKey, inProcessLock } from './serialize.js';

/** What a run left behind is concluded with. */
export const STALE_REASON = 'specgate stopped before it finished (the process ended or GitHub refused every update); Re-run to try again';

/** How a sweep looks for runs left behind. */
export interface SweepOptions {
  /** A `specgate` run `in_progress` for longer than this (from its `started_at`) is left behind; far above any gating's deadline. */
  staleAfterMs: number;
  /** At most this many open pull requests (the most recently updated) have their heads looked at. */
  maxPulls: number;
  /** Heads looked at besides the open pull requests' (a re-run's commit). */
  heads?: readonly string[];
  /** Now, in ms since the epoch (tests move it). */
  now?: number;
}

/** What one sweep did: the heads looked at, the requests it made, the runs it concluded. */
export interface SweepResult {
  heads: number;
  requests: number;
  concluded: number[];
}

/** Ten minutes: a gating ends within its deadline (90 s) and the lock's wait (60 s), so a run in progress this long was left behind. */
export const DEFAULT_STALE_AFTER_MS = 10 * 60_000;
/** A repository is swept at most once per ten minutes per process. */
export const DEFAULT_SWEEP_EVERY_MS = 10 * 60_000;
/** At most ten open pull requests per sweep. */
export const DEFAULT_SWEEP_PULLS = 10;

interface RawRun {
  id: number;
  name: string;
  status: string;
  conclusion: string | null;
  started_at?: string | null;
  app?: { slug?: string } | null;
  output?: { summary?: string | null; annotations_count?: number };
}

/**
 * Finds `specgate` runs of this app left `in_progress` (the process ended mid-gating, or
 * GitHub refused every update) and concludes them `failure` with {@link STALE_REASON}.
 * Cheap and bounded: one request for the open pull requests (one page of `maxPulls`, most
 * recently updated first), one per head (`check_name=specgate&status=in_progress`), and for a
 * head with a run left behind, under the head's lock (so a gating of it in progress is not
 * overwritten), one more listing and one update per run. Runs of other apps are never touched.
 */
export async function sweepStaleRuns(port: FlowPort, repo: RepoInput, options: SweepOptions): Promise<SweepResult> {
  const now = options.now ?? Date.now();
  const pulls = await rest<{ head: { sha: string } }[]>(port.octokit, 'GET /repos/{owner}/{repo}/pulls', {
    ...repo, state: 'open', sort: 'updated', direction: 'desc', per_page: options.maxPulls,
  });
  const heads = [...new Set([...(options.heads ?? []), ...pulls.map((pull) => pull.head.sha)])];
  const slug = (await port.botLogin().catch(() => '')).replace(/\[bot\]$/, '');
  const result: SweepResult = { heads: heads.length, requests: 1 + heads.length, concluded: [] };
  const isStale = (run: RawRun): boolean => run.status !== 'completed' && (!slug || run.app?.slug === slug)
    && run.started_at !== undefined && run.started_at !== null && now - Date.parse(run.started_at) > options.staleAfterMs;
  const found = await Promise.all(heads.map(async (sha) => ((await inProgress(port, repo, sha)).some(isStale) ? sha : undefined)));
  for (const sha of found) {
    if (sha === undefined) continue;
    await (port.lock ?? inProcessLock).run(headKey(repo, sha), async () => {
      const stale = (await inProgress(port, repo, sha)).filter(isStale);
      result.requests += 1 + stale.length;
      for (const run of stale) {
        await port.guard.write('checks', 'conclude check runs left in progress', () => failCheck({
          octokit: port.octokit, ...repo, headSha: sha, reason: STALE_REASON, existing: new Map([[CHECK_NAME, existingRun(run)]]),
        }));
        result.concluded.push(run.id);
      }
    });
  }
  return result;
}

/** Every `specgate` run on `sha` in progress (all of them, not the newest only). */
async function inProgress(port: FlowPort, repo: RepoInput, sha: string): Promise<RawRun[]> {
  const listed = await rest<{ check_runs: RawRun[] }>(port.octokit, 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
    ...repo, ref: sha, check_name: CHECK_NAME, status: 'in_progress', filter: 'all', per_page: 100,
  });
  return listed.check_runs.filter((run) => run.name === CHECK_NAME);
}

function existingRun(run: RawRun): ExistingRun {
  return { id: run.id, name: run.name, status: run.status, conclusion: run.conclusion, summary: run.output?.summary ?? '', annotationsCount: run.output?.annotations_count ?? 0 };
}

/**
 * When each repository was last swept, for one process: a sweep runs at most once per
 * `everyMs` per repository (a re-run forces one).
 */
export class SweepSchedule {
  private readonly last = new Map<string, number>();
  private readonly everyMs: number;

  constructor(everyMs: number) {
    this.everyMs = everyMs;
  }

  /** Whether `repo` is due now; when it is, the sweep is booked. */
  take(repo: RepoInput, now = Date.now(), force = false): boolean {
    const key = `${repo.owner}/${repo.repo}`.toLowerCase();
    const last = this.last.get(key);
    if (!force && last !== undefined && now - last < this.everyMs) return false;
    this.last.set(key, now);
    if (this.last.size > 10_000) this.last.delete(this.last.keys().next().value!);
    return true;
  }
}
