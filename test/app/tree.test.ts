import { expect, test } from '@jest/globals';
import type { Repo } from '../support/github-standin/index.js';
import { CONSTITUTION, SPEC_RESOLVED } from './fixtures.js';
import { pullRequestEvent } from './harness.js';
import { useHarness } from './use-harness.js';

const harness = useHarness();

const TASKS = `# Tasks: Login

## Phase 3: User Story 1 - Sign in (Priority: P1)

- [x] T001 [US1] Implement sign-in in \`src/auth/login.ts\`
- [x] T002 [US1] Implement account lockout in \`src/auth/lockout.ts\`
`;

/** A PR adding tasks whose done items name one file the repository has and one it lacks. */
async function gateTasks(truncate: boolean): Promise<{ repo: Repo; headSha: string }> {
  const repo = harness.standIn.state.addRepo('acme', 'product', {
    '.github/specgate.yml': 'clarification-issues:\n  mode: off\n', '.specify/memory/constitution.md': CONSTITUTION, 'src/auth/login.ts': 'export {};\n',
  });
  repo.truncateTrees = truncate;
  repo.commit('001-login', { 'specs/001-login/spec.md': SPEC_RESOLVED, 'specs/001-login/tasks.md': TASKS });
  const pull = repo.openPull('001-login');
  expect(await harness.deliver('pull_request', pullRequestEvent(repo, pull.number))).toBe(200);
  return { repo, headSha: pull.headSha };
}

const missingFileAnnotations = (repo: Repo, sha: string): Record<string, unknown>[] =>
  repo.checkRunsFor(sha, 'specgate / consistency').flatMap((run) => run.annotations).filter((a) => a['title'] === 'done-task-files-exist');

test('a done task naming a file absent at the head gets a consistency error; the present file does not', async () => {
  const { repo, headSha } = await gateTasks(false);
  const trees = harness.standIn.requests.filter((r) => r.route === 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}');
  expect(trees.map((r) => r.path)).toEqual([`/repos/acme/product/git/trees/${headSha}`]);
  expect(missingFileAnnotations(repo, headSha)).toEqual([
    expect.objectContaining({ path: 'specs/001-login/tasks.md', start_line: 6, annotation_level: 'failure', message: expect.stringContaining('`src/auth/lockout.ts`') }),
  ]);
  expect(repo.checkRunsFor(headSha, 'specgate')[0]!.output.summary).not.toContain('truncated');
});

test('a truncated tree is not used: no missing-file finding, and the summary says why', async () => {
  const { repo, headSha } = await gateTasks(true);
  expect(missingFileAnnotations(repo, headSha)).toEqual([]);
  expect(repo.checkRunsFor(headSha, 'specgate')[0]!.output.summary).toContain('GitHub truncated the repository tree');
});
