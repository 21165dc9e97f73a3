import { afterAll, afterEach, beforeAll, beforeEach, expect } from '@jest/globals';
import { createEvaluator, type Evaluator } from '../../src/github/flows/evaluate-pool.js';
import { linesWithSecrets, startHarness, type Harness, type HarnessOptions } from './harness.js';

/**
 * Starts a fresh harness (sharing the file's worker pool) before each test of the file and, after it, checks that the
 * stand-in saw no request outside GitHub's REST description and that no log line of the
 * app carries the private key, the webhook secret or a token, then closes it.
 */
export function useHarness(options: Omit<HarnessOptions, 'evaluator'> = {}): Harness {
  let current: Harness | undefined;
  // One worker pool per file: a worker started from sources loads the engine through tsx.
  let evaluator: Evaluator | undefined;
  beforeAll(() => {
    evaluator = createEvaluator({ timeoutMs: options.evaluationTimeoutMs ?? 60_000 });
  });
  afterAll(() => evaluator?.close());
  beforeEach(async () => {
    current = await startHarness({ ...options, evaluator: evaluator! });
  });
  afterEach(async () => {
    expect(current!.standIn.problems).toEqual([]);
    await current!.close();
    expect(linesWithSecrets(current!.logs)).toEqual([]);
  });
  const get = (): Harness => {
    if (!current) throw new Error('The harness is only available inside a test.');
    return current;
  };
  return {
    get standIn() {
      return get().standIn;
    },
    get appUrl() {
      return get().appUrl;
    },
    get logs() {
      return get().logs;
    },
    deliver: (name, payload, id) => get().deliver(name, payload, id),
    close: () => get().close(),
  };
}
