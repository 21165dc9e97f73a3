import { describe, expect, test } from '@jest/globals';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Repo } from '../support/github-standin/index.js';
import { CONFIG, CONSTITUTION, SPEC_RESOLVED, SPEC_WITH_MARKERS } from './fixtures.js';
import { pullRequestEvent, type Harness } from './harness.js';
import { useHarness } from './use-harness.js';

/**
 * `count` features, each a valid spec of 1,000 plain requirement lines (90 KB): every file
 * well within the parse guard's budget, but the engine takes seconds for them all.
 */
function bigFeatures(count: number): Record<string, string> {
  const lines = Array.from({ length: 1_000 }, (_, i) => `- FR-${String(i + 3).padStart(5, '0')}: System MUST record audit event number ${i} with its actor, time and outcome.`);
  const spec = SPEC_RESOLVED.replace('### Functional Requirements\n', `### Functional Requirements\n\n${lines.join('\n')}\n`);
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`specs/${String(i + 1).padStart(3, '0')}-audit/spec.md`, spec]));
}

const one = (feature: string, spec: string): Record<string, string> => ({ [`specs/${feature}/spec.md`]: spec });

function seed(harness: Harness, branches: Record<string, Record<string, string>>): { repo: Repo; pulls: Record<string, ReturnType<Repo['openPull']>> } {
  const repo = harness.standIn.state.addRepo('acme', 'product', { '.github/specgate.yml': CONFIG, '.specify/memory/constitution.md': CONSTITUTION });
  const pulls: Record<string, ReturnType<Repo['openPull']>> = {};
  for (const [branch, files] of Object.entries(branches)) {
    repo.commit(branch, files);
    pulls[branch] = repo.openPull(branch);
  }
  return { repo, pulls };
}

/** Polls (each 20 ms) until `done` holds; `guardMs` only guards against a hang. */
async function waitFor(done: () => boolean, guardMs = 60_000): Promise<void> {
  const until = Date.now() + guardMs;
  while (!done()) {
    if (Date.now() > until) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const statusOf = (repo: Repo, sha: string): string | undefined => repo.checkRunsFor(sha, 'specgate')[0]?.status;

describe('a slow evaluation', () => {
  const harness = useHarness();

  test('leaves /healthz answering and another pull request gated while it runs', async () => {
    const { repo, pulls } = seed(harness, {
      audit: bigFeatures(20), '002-login': one('002-login', SPEC_WITH_MARKERS), '003-warm': one('003-warm', SPEC_RESOLVED), '004-warm': one('004-warm', SPEC_RESOLVED),
    });
    const slow = pulls['audit']!;
    const fast = pulls['002-login']!;
    // Two pull requests at once start both workers (each loads the engine), so the fast one below waits for none.
    await Promise.all(['003-warm', '004-warm'].map((branch) => harness.deliver('pull_request', pullRequestEvent(repo, pulls[branch]!.number))));
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();

    const slowDelivery = harness.deliver('pull_request', pullRequestEvent(repo, slow.number));
    // The documents are read: the evaluation is next.
    await waitFor(() => harness.standIn.requests.some((r) => r.route === 'POST /graphql' && r.status === 200 && JSON.stringify(r.body).includes(slow.headSha)));
    const health = await fetch(`${harness.appUrl}/healthz`, { signal: AbortSignal.timeout(10_000) });
    expect(health.status).toBe(200);
    expect(statusOf(repo, slow.headSha)).toBe('in_progress');

    await harness.deliver('pull_request', pullRequestEvent(repo, fast.number));
    expect(repo.checkRunsFor(fast.headSha, 'specgate')[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(repo.checkRunsFor(fast.headSha, 'specgate / clarifications')[0]?.annotations).toHaveLength(2);
    expect(statusOf(repo, slow.headSha)).toBe('in_progress');

    await slowDelivery;
    await waitFor(() => statusOf(repo, slow.headSha) === 'completed');
    loop.disable();
    expect(repo.checkRunsFor(slow.headSha, 'specgate')[0]?.output.title).not.toBe('specgate could not finish');
    // A hang guard, not a timing: evaluated on the event loop, it stalled for the whole evaluation (seconds).
    expect(loop.max / 1e6).toBeLessThan(1_000);
  });
});

describe('an evaluation past the deadline', () => {
  const harness = useHarness({ evaluationTimeoutMs: 1_000 });

  test('concludes specgate as failed with the reason, and the next pull request is gated as usual', async () => {
    const { repo, pulls } = seed(harness, { audit: bigFeatures(12), '002-login': one('002-login', SPEC_WITH_MARKERS) });
    const slow = pulls['audit']!;
    await harness.deliver('pull_request', pullRequestEvent(repo, slow.number));
    await waitFor(() => statusOf(repo, slow.headSha) === 'completed');

    const runs = repo.checkRunsFor(slow.headSha);
    expect(runs.filter((run) => run.status !== 'completed')).toEqual([]);
    const [aggregate] = repo.checkRunsFor(slow.headSha, 'specgate');
    expect(aggregate).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(aggregate!.output.title).toBe('specgate could not finish');
    expect(aggregate!.output.summary).toMatch(/evaluation exceeded 1 s; split the document/);

    const fast = pulls['002-login']!;
    await harness.deliver('pull_request', pullRequestEvent(repo, fast.number));
    expect(repo.checkRunsFor(fast.headSha, 'specgate / clarifications')[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(repo.realIssues()).toHaveLength(2);
  });
});
