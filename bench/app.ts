/**
 * `npm run bench:app`: what the App costs per pull request against the GitHub stand-in
 * with 50 ms of latency per request, for 1, 10 and 100 changed spec files: requests made
 * (versus the naive 1 + files + gates: list files, fetch each file, write each gate),
 * read round trips, writes, wall time, and the writes of a redelivery (should be 0). Then a
 * second push to the 100-file PR changing one document: how many documents it parses (the
 * evaluator's count; the others come from the App's model cache).
 */
import { performance } from 'node:perf_hooks';
import { GATES } from '../src/engine/index.js';
import { createEvaluator } from '../src/github/flows/evaluate-pool.js';
import { pullRequestEvent, startHarness } from '../test/app/harness.js';
import type { RecordedRequest } from '../test/support/github-standin/index.js';

const LATENCY_MS = 50;

function spec(i: number): string {
  return `# Feature Specification: Feature ${i}\n\n**Status**: Draft\n\n## User Scenarios & Testing\n\n### User Story 1 - Do it (Priority: P1)\n\nA user does thing ${i}.\n\n## Requirements\n\n- **FR-001**: System MUST do thing ${i}.\n\n## Success Criteria\n\n- **SC-001**: Thing ${i} takes under 1 second.\n`;
}

/** Reads that arrive within one latency of each other were sent together: one round trip. */
function roundTrips(requests: RecordedRequest[]): number {
  // Auth lookups (the token exchange, and `GET /app` for the bot login, once per process and
  // sent alongside the exchange) are not per-PR round trips.
  const reads = requests.filter((r) => !r.write && !r.path.includes('/access_tokens') && r.path !== '/app').map((r) => r.at).sort((a, b) => a - b);
  let trips = 0;
  let start = -Infinity;
  for (const at of reads) {
    if (at - start >= LATENCY_MS * 0.8) {
      trips += 1;
      start = at;
    }
  }
  return trips;
}

async function measure(count: number): Promise<{ row: string; secondPush?: string }> {
  const evaluator = createEvaluator();
  const harness = await startHarness({ latencyMs: LATENCY_MS, requestTimeoutMs: 10_000, evaluator });
  try {
    const repo = harness.standIn.state.addRepo('acme', `bench-${count}`, { '.github/specgate.yml': 'fail-on: error\n' });
    const files: Record<string, string> = {};
    for (let i = 0; i < count; i += 1) files[`specs/${String(i).padStart(3, '0')}-feature/spec.md`] = spec(i);
    repo.commit('feature', files);
    const pull = repo.openPull('feature');
    const event = pullRequestEvent(repo, pull.number);
    const started = performance.now();
    await harness.deliver('pull_request', event);
    const ms = performance.now() - started;
    const first = harness.standIn.requests.filter((r) => !r.path.includes('/access_tokens'));
    const writes = first.filter((r) => r.write).length;
    const trips = roundTrips(first);
    harness.standIn.requests.length = 0;
    const again = performance.now();
    await harness.deliver('pull_request', event);
    const msAgain = performance.now() - again;
    const redeliveryWrites = harness.standIn.requests.filter((r) => r.write).length;
    if (harness.standIn.problems.length > 0) throw new Error(harness.standIn.problems.join('\n'));
    const naive = 1 + count + GATES.length;
    const row = `| ${count} | ${first.length} | ${naive} | ${first.length - writes} | ${trips} | ${writes} | ${Math.round(ms)} | ${redeliveryWrites} | ${Math.round(msAgain)} |`;
    if (count !== 100) return { row };
    const before = evaluator.stats();
    repo.commit('feature', { 'specs/042-feature/spec.md': spec(42).replace('under 1 second', 'under 2 seconds') });
    const push = performance.now();
    await harness.deliver('pull_request', pullRequestEvent(repo, pull.number, 'synchronize'));
    const msPush = performance.now() - push;
    const after = evaluator.stats();
    if (harness.standIn.problems.length > 0) throw new Error(harness.standIn.problems.join('\n'));
    return { row, secondPush: `second push: ${after.parsed - before.parsed} of ${count} documents parsed (${after.cached - before.cached} from the model cache), ${Math.round(msPush)} ms` };
  } finally {
    await harness.close();
    await evaluator.close();
  }
}

console.log(`specgate App per pull request, stand-in latency ${LATENCY_MS} ms per request\n`);
console.log('| spec files | requests | naive 1+files+gates | reads | read round trips | writes | time ms | redelivery writes | redelivery ms |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
const notes: string[] = [];
for (const count of [1, 10, 100]) {
  const { row, secondPush } = await measure(count);
  console.log(row);
  if (secondPush) notes.push(secondPush);
}
console.log(`\n${notes.join('\n')}`);
