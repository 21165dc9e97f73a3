import { afterEach, beforeEach, expect } from '@jest/globals';
import { startHarness, type Harness } from './harness.js';

/**
 * Starts a fresh harness before each test of the file and, after it, checks that the
 * stand-in saw no request outside GitHub's REST description, then closes it.
 */
export function useHarness(options: Parameters<typeof startHarness>[0] = {}): Harness {
  let current: Harness | undefined;
  beforeEach(async () => {
    current = await startHarness(options);
  });
  afterEach(async () => {
    expect(current!.standIn.problems).toEqual([]);
    await current!.close();
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
    deliver: (name, payload, id) => get().deliver(name, payload, id),
    close: () => get().close(),
  };
}
