/**
 * Mutual exclusion per key (a repository and head SHA) for gating: GitHub sends
 * `pull_request.synchronize` and `check_suite.requested` for the same push at once, and a
 * redelivery can reach another replica. Held around a gating, the second gating sees the
 * first's check runs and issues and writes nothing, instead of both creating them.
 */
export interface HeadLock {
  /** Runs `task` once every earlier holder of `key` has released it (in this process, or in every replica that shares the lock). */
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

/** A lock of this process alone: tasks with the same key run one after the other. */
export function createInProcessLock(): HeadLock {
  const tails = new Map<string, Promise<unknown>>();
  return {
    async run<T>(key: string, task: () => Promise<T>): Promise<T> {
      const run = (tails.get(key) ?? Promise.resolve()).then(task, task);
      const tail = run.catch(() => undefined);
      tails.set(key, tail);
      try {
        return await run;
      } finally {
        if (tails.get(key) === tail) tails.delete(key);
      }
    },
  };
}

/** The process's lock (the Action, one App replica). */
export const inProcessLock: HeadLock = createInProcessLock();

/** The key gating of one commit is locked under. */
export function headKey(repo: { owner: string; repo: string }, headSha: string): string {
  return `${repo.owner}/${repo.repo}@${headSha}`;
}
