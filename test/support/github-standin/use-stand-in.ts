import { afterAll, afterEach, beforeAll, beforeEach, expect } from '@jest/globals';
import { start, type StandIn } from './index.js';

/**
 * One stand-in for a test file: started before its first test, closed after its last,
 * and checked after every test for requests outside GitHub's REST description.
 * `resetRequests` empties the request log before each test, for files that count requests.
 */
export function useStandIn(options: { resetRequests?: boolean } = {}): StandIn {
  let current: StandIn | undefined;
  const get = (): StandIn => {
    if (!current) throw new Error('The stand-in is only available inside a test.');
    return current;
  };
  beforeAll(async () => {
    current = await start();
  });
  afterAll(async () => current?.close());
  if (options.resetRequests) {
    beforeEach(() => {
      get().requests.length = 0;
    });
  }
  afterEach(() => expect(get().problems).toEqual([]));
  return {
    get url() { return get().url; },
    get state() { return get().state; },
    get requests() { return get().requests; },
    get faults() { return get().faults; },
    get problems() { return get().problems; },
    get latency() { return get().latency; },
    get random() { return get().random; },
    close: () => get().close(),
  };
}
