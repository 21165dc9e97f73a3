const tails = new Map<string, Promise<unknown>>();

/**
 * Runs `task` after every earlier task with the same key has settled. GitHub sends
 * `pull_request.synchronize` and `check_suite.requested` for the same push at once;
 * serialised per head SHA, the second sees the first's check runs and writes nothing,
 * instead of both creating a run. (Across replicas the fingerprint still prevents
 * repeated writes; only a simultaneous first run could double a run there.)
 */
export async function serialize<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  try {
    return await run;
  } finally {
    if (tails.get(key) === tail) tails.delete(key);
  }
}
