/**
 * The App keeps document models by git blob SHA between gatings: a second push to a PR that
 * changes one of 100 documents parses that one, and the checks read as without the cache.
 */
import { afterAll, afterEach, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAppEnv } from '../../src/app/env.js';
import { run } from '../../src/app/run.js';
import { defaultConfig } from '../../src/engine/index.js';
import { createEvaluator } from '../../src/github/flows/evaluate-pool.js';
import { ModelLru } from '../../src/github/flows/model-cache.js';
import { getPullRequest, listChangedFiles, readDocuments } from '../../src/github/index.js';
import { blobOid } from '../support/github-standin/graphql.js';
import { start, type Repo, type StandIn } from '../support/github-standin/index.js';
import { octokitFor } from '../github/octokit.js';
import { linesWithSecrets, pullRequestEvent, startHarness, type Harness } from './harness.js';

const COUNT = 100;
const CHANGED = 'specs/042-feature/spec.md';

function spec(i: number): string {
  return `# Feature Specification: Feature ${i}\n\n**Status**: Draft\n\n## User Scenarios & Testing\n\n### User Story 1 - Do it (Priority: P1)\n\nA user does thing ${i}.\n\n## Requirements\n\n- **FR-001**: System MUST do thing ${i}.\n\n## Success Criteria\n\n- **SC-001**: Thing ${i} takes under 1 second.\n`;
}

/** What a reviewer sees of a commit's checks: each run's conclusion, output and annotations. */
function checksOf(repo: Repo, sha: string): unknown[] {
  return repo.checkRunsFor(sha).map((run) => ({ name: run.name, conclusion: run.conclusion, output: run.output, annotations: run.annotations }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

interface Pushes {
  /** The evaluator's counts after each gating (cumulative before subtraction). */
  counts: { parsed: number; cached: number }[];
  checks: unknown[][];
  debug: string[];
}

/** A PR adding 100 specs, gated; then a push changing one of them, gated. */
async function twoPushes(modelCacheMb: number | undefined): Promise<Pushes> {
  const debug: string[] = [];
  const evaluator = createEvaluator({ ...(modelCacheMb === undefined ? {} : { modelCacheMb }), log: { debug: (_fields, message) => void debug.push(message) } });
  let harness: Harness | undefined;
  try {
    harness = await startHarness({ evaluator });
    const repo = harness.standIn.state.addRepo('acme', 'hundred', { '.github/specgate.yml': 'fail-on: error\n' });
    const files: Record<string, string> = {};
    for (let i = 0; i < COUNT; i += 1) files[`specs/${String(i).padStart(3, '0')}-feature/spec.md`] = spec(i);
    repo.commit('feature', files);
    const pull = repo.openPull('feature');
    const result: Pushes = { counts: [], checks: [], debug };
    await harness.deliver('pull_request', pullRequestEvent(repo, pull.number));
    result.counts.push(evaluator.stats());
    result.checks.push(checksOf(repo, pull.headSha));
    // The second push drops a section of one document, so its checks change too.
    repo.commit('feature', { [CHANGED]: spec(42).replace(/## Success Criteria[^]*$/, '') });
    await harness.deliver('pull_request', pullRequestEvent(repo, pull.number, 'synchronize'));
    const [first, total] = [result.counts[0]!, evaluator.stats()];
    result.counts.push({ parsed: total.parsed - first.parsed, cached: total.cached - first.cached });
    result.checks.push(checksOf(repo, pull.headSha));
    expect(harness.standIn.problems).toEqual([]);
    expect(linesWithSecrets(harness.logs)).toEqual([]);
    return result;
  } finally {
    await harness?.close();
    await evaluator.close();
  }
}

describe('a second push changing one of 100 documents', () => {
  let cached: Pushes;
  let uncached: Pushes;
  beforeAll(async () => {
    cached = await twoPushes(undefined);
    uncached = await twoPushes(0);
  }, 120_000);

  test('parses that document only and takes the other 99 from the cache', () => {
    expect(cached.counts).toEqual([{ parsed: COUNT, cached: 0 }, { parsed: 1, cached: COUNT - 1 }]);
    expect(cached.debug).toEqual([
      `specgate parsed ${COUNT} document(s) and took 0 from the model cache`,
      `specgate parsed 1 document(s) and took ${COUNT - 1} from the model cache`,
    ]);
  });

  test('concludes every check as a run without the cache does', () => {
    expect(cached.checks[1]).toHaveLength(6);
    // The changed document's new finding is there: the parsed model is the fresh one.
    const completeness = (checks: unknown[]) => JSON.stringify(checks.find((run) => (run as { name: string }).name === 'specgate / completeness'));
    expect([completeness(cached.checks[0]!), completeness(cached.checks[1]!)].map((text) => text.includes(CHANGED))).toEqual([false, true]);
    expect(cached.checks).toEqual(uncached.checks);
  });

  test('with SPECGATE_MODEL_CACHE_MB=0 parses all 100 again', () => {
    expect(uncached.counts).toEqual([{ parsed: COUNT, cached: 0 }, { parsed: COUNT, cached: 0 }]);
  });
});

test('the cache keeps at most its bound of model JSON, dropping the least recently used first', () => {
  const lru = new ModelLru(1);
  const file = (key: string) => ({ path: `${key}.md`, content: '', key });
  const text = (key: string, bytes: number) => JSON.stringify({ key, pad: 'x'.repeat(bytes) });
  lru.keep({ a: text('a', 400_000), b: text('b', 400_000) });
  expect(Object.keys(lru.lookUp([file('a')]))).toEqual(['a']);
  lru.keep({ c: text('c', 400_000), huge: text('huge', 1_100_000) });
  // `a` was read after `b`, so `b` went to make room for `c`; one model past the bound is never kept.
  expect(Object.keys(lru.lookUp(['a', 'b', 'c', 'huge'].map(file)))).toEqual(['a', 'c']);
  expect(lru.lookUp([{ path: 'x.md', content: '' }])).toEqual({});
});

describe('SPECGATE_MODEL_CACHE_MB', () => {
  let cwd: string;
  beforeAll(() => {
    cwd = mkdtempSync(join(tmpdir(), 'specgate-model-cache-'));
  });
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));
  afterEach(() => {
    process.exitCode = undefined;
    jest.restoreAllMocks();
  });

  test('is 64 MiB unless set', () => {
    expect(readAppEnv({}, cwd).modelCacheMb).toBe(64);
    expect(readAppEnv({ SPECGATE_MODEL_CACHE_MB: '256' }, cwd).modelCacheMb).toBe(256);
    expect(readAppEnv({ SPECGATE_MODEL_CACHE_MB: '0' }, cwd).modelCacheMb).toBe(0);
  });

  test.each(['lots', '-1', '1.5', '64MB'])('`%s` stops the start-up with one line naming the variable', async (value) => {
    const printed: string[] = [];
    jest.spyOn(console, 'error').mockImplementation((line: unknown) => void printed.push(String(line)));
    await run({ SPECGATE_MODEL_CACHE_MB: value }, cwd);
    expect(printed).toEqual([`specgate: Unexpected SPECGATE_MODEL_CACHE_MB \`${value}\`, expected a whole number of megabytes such as 64 (0 keeps no document models)`]);
    expect(process.exitCode).toBe(1);
  });
});

describe('blob keys', () => {
  let standIn: StandIn;
  beforeAll(async () => {
    standIn = await start();
  });
  afterAll(() => standIn.close());

  test('a file read whole is keyed by its git blob SHA; a cut or binary one has no key', async () => {
    const repo = standIn.state.addRepo('acme', 'keys', {});
    const whole = spec(1);
    const long = `# Feature Specification: Long\n\n<!--${' pad'.repeat(150_000)} -->\n`;
    const huge = `# Feature Specification: Huge\n\n<!--${' pad'.repeat(4_500_000)} -->\n`;
    repo.commit('feature', { 'specs/001-a/spec.md': whole, 'specs/001-a/plan.md': long, 'specs/001-a/tasks.md': huge, 'specs/001-a/data.md': 'a\u0000b' });
    const pull = repo.openPull('feature');
    const octokit = octokitFor(standIn);
    const ref = { octokit, owner: 'acme', repo: 'keys' };
    const info = await getPullRequest({ ...ref, number: pull.number });
    const changed = await listChangedFiles({ ...ref, number: pull.number });
    const documents = await readDocuments({ ...ref, headSha: info.headSha, baseSha: info.baseSha, changed, config: defaultConfig() });
    const keys = Object.fromEntries(documents.files.map((file) => [file.path, file.key]));
    expect(keys).toEqual({
      'specs/001-a/data.md': undefined,
      'specs/001-a/plan.md': blobOid(Buffer.from(long)),
      'specs/001-a/spec.md': blobOid(Buffer.from(whole)),
      'specs/001-a/tasks.md': undefined,
    });
    expect(standIn.problems).toEqual([]);
  });
});
