// Only the environment is read before the rest of the Action loads, so a misconfigured
// run fails in the time of a bare `node` start.
import { preflight } from './preflight.js';

if (preflight()) {
  const { run } = await import('./run.js');
  await run();
}
