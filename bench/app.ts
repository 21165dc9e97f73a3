/**
 * `npm run bench:app`: what the App costs per pull request against the GitHub stand-in
 * with 50 ms of latency per request, for 1, 10 and 100 changed spec files: requests made
 * (versus the naive 1 + files + gates: list files, fetch each file, write each gate),
 * read round trips, writes, wall time, and the writes of a redelivery (should be 0).
 */
import { performance } from 'node:perf_hooks';
import { GATES } from '../src/engine/index.js';
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

async function measure(count: number): Promise<string> {
  const harness = await startHarness({ latencyMs: LATENCY_MS, requestTimeoutMs: 10_000 });
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
    return `| ${count} | ${first.length} | ${naive} | ${first.length - writes} | ${trips} | ${writes} | ${Math.round(ms)} | ${redeliveryWrites} | ${Math.round(msAgain)} |`;
  } finally {
    await harness.close();
  }
}

console.log(`specgate App per pull request, stand-in latency ${LATENCY_MS} ms per request\n`);
console.log('| spec files | requests | naive 1+files+gates | reads | read round trips | writes | time ms | redelivery writes | redelivery ms |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const count of [1, 10, 100]) console.log(await measure(count));
