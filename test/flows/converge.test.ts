import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { gatePullRequest, type FlowPort, type GitHubClient, type HeadLock } from '../../src/github/flows/index.js';
import { createEvaluator, type Evaluator } from '../../src/github/flows/evaluate-pool.js';
import { decodeMeta } from '../../src/github/index.js';
import { CONFIG, CONSTITUTION, SPEC_WITH_MARKERS } from '../app/fixtures.js';
import type { Pull, Repo } from '../support/github-standin/index.js';
import { useStandIn } from '../support/github-standin/use-stand-in.js';
import { appPortFor } from './ports.js';

// Without a lock shared by every replica (one replica per process, serverless, Redis down),
// two gatings of one head can run at once: `pull_request.opened` on one replica and
// `check_suite.requested` on another. Each may create the same check runs and issues. The
// results must converge all the same: one open issue per clarification (the oldest; the
// younger closed as its duplicate) and, on every check name, the newest run (the one GitHub
// shows and branch protection reads) showing the same result as the oldest, which carries it.
const standIn = useStandIn();
let evaluator: Evaluator;
beforeAll(() => {
  evaluator = createEvaluator({ timeoutMs: 60_000 });
});
afterAll(() => evaluator.close());
afterEach(() => {
  standIn.latency.ms = 0;
});

/** No lock at all: what two replicas without Redis share. */
const noLock: HeadLock = { run: (_key, task) => task() };
const SPEC = 'specs/001-login/spec.md';
let repos = 0;

function seed(): { repo: Repo; pull: Pull } {
  repos += 1;
  const repo = standIn.state.addRepo('acme', `converge-${repos}`, { '.github/specgate.yml': CONFIG, '.specify/memory/constitution.md': CONSTITUTION });
  repo.commit('001-login', { [SPEC]: SPEC_WITH_MARKERS });
  return { repo, pull: repo.openPull('001-login') };
}

function port(repo: Repo, octokit?: (inner: GitHubClient) => GitHubClient): FlowPort {
  const base = appPortFor(standIn, repo, evaluator);
  return { ...base, lock: noLock, ...(octokit ? { octokit: octokit(base.octokit) } : {}) };
}

const gate = (p: FlowPort, { repo, pull }: { repo: Repo; pull: Pull }) => gatePullRequest(p, { owner: repo.owner, repo: repo.name, number: pull.number, headSha: pull.headSha });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What one gating alone leaves: conclusion and title per check name. */
let expected: Map<string, [string | null, string | null]>;
beforeAll(async () => {
  const alone = seed();
  await gate(port(alone.repo), alone);
  expected = new Map(alone.repo.checkRunsFor(alone.pull.headSha).map((run) => [run.name, [run.conclusion, run.output.title]]));
  expect(expected.size).toBe(6);
});

/** Asserts the converged state; returns how many duplicate runs and issues there were. */
function expectConverged({ repo, pull }: { repo: Repo; pull: Pull }): { runs: number; issues: number } {
  const runs = repo.checkRunsFor(pull.headSha);
  expect(new Set(runs.map((run) => run.name))).toEqual(new Set(expected.keys()));
  for (const [name, [conclusion, title]] of expected) {
    const [oldest, ...younger] = runs.filter((run) => run.name === name).sort((a, b) => a.id - b.id);
    expect([oldest!.status, oldest!.conclusion, oldest!.output.title]).toEqual(['completed', conclusion, title]);
    expect(oldest!.output.summary).not.toContain('specgate:duplicate-of');
    for (const run of younger) {
      // The newest is what the checks list and branch protection read: the same result, pointing to the oldest.
      expect([run.status, run.conclusion, run.output.title]).toEqual(['completed', conclusion, title]);
      expect(run.output.summary).toContain(`specgate:duplicate-of ${oldest!.id} `);
    }
  }
  expect(runs.filter((run) => run.name === 'specgate / clarifications').sort((a, b) => a.id - b.id)[0]!.annotations).toHaveLength(2);

  const issues = repo.realIssues();
  const open = issues.filter((issue) => issue.state === 'open');
  expect(open).toHaveLength(2);
  expect(new Set(open.map((issue) => decodeMeta(issue.body)!.key)).size).toBe(2);
  for (const issue of issues.filter((i) => i.state === 'closed')) {
    const meta = decodeMeta(issue.body)!;
    const kept = open.find((o) => decodeMeta(o.body)!.key === meta.key)!;
    expect([issue.state_reason, meta.duplicateOf]).toEqual(['duplicate', kept.number]);
    expect(kept.number).toBeLessThan(issue.number);
    const comments = repo.comments.filter((comment) => comment.issue_number === issue.number);
    expect(comments.map((comment) => comment.body.split(':')[0])).toEqual([`Duplicate of #${kept.number}`]);
  }
  return { runs: runs.length - expected.size, issues: issues.length - 2 };
}

describe('two gatings of one head without a lock converge', () => {
  const OFFSETS = [0, 1, 3, 10, 25, 50, 100, 200];
  const duplicates: Record<number, { runs: number; issues: number }> = {};

  test.each(OFFSETS)('the second starting %i ms after the first', async (offset) => {
    const seeded = seed();
    standIn.latency.ms = 4;
    const first = gate(port(seeded.repo), seeded);
    await sleep(offset);
    const second = gate(port(seeded.repo), seeded);
    const results = await Promise.all([first, second]);
    expect(results.map((result) => result.kind)).toEqual(['gated', 'gated']);
    duplicates[offset] = expectConverged(seeded);
    // A later gating finds the converged state and writes nothing.
    const writes = standIn.requests.filter((r) => r.write).length;
    await gate(port(seeded.repo), seeded);
    expect(standIn.requests.filter((r) => r.write).length).toBe(writes);
    expectConverged(seeded);
  });

  test('the races above did make duplicates (the test exercises convergence, not luck)', () => {
    expect(Object.keys(duplicates)).toHaveLength(OFFSETS.length);
    expect(Object.values(duplicates).filter((d) => d.runs > 0).length).toBeGreaterThan(0);
    expect(Object.values(duplicates).filter((d) => d.issues > 0).length).toBeGreaterThan(0);
  });
});

test('a gating that dies right after creating its run (the newest of its name) leaves no run in progress: the other concludes it', async () => {
  const seeded = seed();
  let listed!: () => void;
  let created!: () => void;
  const bListed = new Promise<void>((resolve) => { listed = resolve; });
  const aCreated = new Promise<void>((resolve) => { created = resolve; });
  let dead = false;
  // B lists the runs (none yet), waits until A created its `specgate` run, creates its own, then dies.
  const dying = port(seeded.repo, (inner) => ({
    request: async (route, parameters) => {
      if (dead) throw new Error('the process died');
      if (route.startsWith('POST /repos/{owner}/{repo}/check-runs')) await aCreated;
      const response = await inner.request(route, parameters);
      if (route.startsWith('GET /repos/{owner}/{repo}/commits/{ref}/check-runs')) listed();
      if (route.startsWith('POST /repos/{owner}/{repo}/check-runs')) dead = true;
      return response;
    },
    graphql: async (query, variables) => {
      if (dead) throw new Error('the process died');
      return inner.graphql(query, variables);
    },
  }));
  const healthy = port(seeded.repo, (inner) => ({
    request: async (route, parameters) => {
      const response = await inner.request(route, parameters);
      if (route.startsWith('POST /repos/{owner}/{repo}/check-runs')) created();
      return response;
    },
    graphql: (query, variables) => inner.graphql(query, variables),
  }));
  // B's gating fails every request after its create (it may end in an error or a failed result): nothing more of B lands.
  const b = gate(dying, seeded).catch((error: unknown) => error);
  await bListed;
  await gate(healthy, seeded);
  await b;
  expect(dead).toBe(true);
  const aggregate = seeded.repo.checkRunsFor(seeded.pull.headSha, 'specgate').sort((x, y) => x.id - y.id);
  expect(aggregate).toHaveLength(2);
  expect(aggregate.map((run) => [run.status, run.conclusion])).toEqual([['completed', 'failure'], ['completed', 'failure']]);
  expectConverged(seeded);
});

test('duplicates an earlier race left (its gatings died before they met) are resolved by the next gating: the oldest issue kept, the younger closed as GitHub\'s duplicate', async () => {
  const seeded = seed();
  await gate(port(seeded.repo), seeded);
  // What a second gating that died after opening its issues would have left: a copy of each, younger.
  const [one, two] = seeded.repo.realIssues();
  const copies = [one!, two!].map((issue) => seeded.repo.addIssue({ title: issue.title, body: issue.body, user: issue.user, labels: [...issue.labels] }));
  const before = standIn.requests.length;
  await gate(port(seeded.repo), seeded);
  expectConverged(seeded);
  expect(copies.map((issue) => [issue.state, issue.state_reason])).toEqual([['closed', 'duplicate'], ['closed', 'duplicate']]);
  const closes = standIn.requests.slice(before).filter((r) => r.method === 'PATCH' && /\/issues\/\d+$/.test(r.path)).map((r) => [r.path.split('/').pop(), (r.body as { duplicate_issue_id?: number }).duplicate_issue_id]);
  // `duplicate_issue_id` takes the kept issue's id (not its number): 700,000 + number in the stand-in.
  expect(closes).toEqual([[String(copies[0]!.number), 700_000 + one!.number], [String(copies[1]!.number), 700_000 + two!.number]]);
  // Every later gating takes the oldest for THE issue: the marker moving updates it, never the duplicate.
  seeded.repo.commit('001-login', { [SPEC]: `\n\n${SPEC_WITH_MARKERS}` });
  await gate(port(seeded.repo), seeded);
  expect(copies.map((issue) => issue.state)).toEqual(['closed', 'closed']);
  expect([one!, two!].map((issue) => [issue.state, decodeMeta(issue.body)!.line])).toEqual([['open', decodeMeta(copies[0]!.body)!.line + 2], ['open', decodeMeta(copies[1]!.body)!.line + 2]]);
});
