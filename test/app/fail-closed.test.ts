import { expect, test } from '@jest/globals';
import { pullRequestEvent } from './harness.js';
import { useHarness } from './use-harness.js';
import { CONFIG, CONSTITUTION, SPEC_WITH_MARKERS } from './fixtures.js';

const harness = useHarness();

// A small cap keeps the padded document cheap; the behaviour is the same at 1 MiB.
const SMALL_CAP = `${CONFIG}max-file-size: 4096\n`;

function seed(spec: string, config: string) {
  const repo = harness.standIn.state.addRepo('acme', 'product', { '.github/specgate.yml': config, '.specify/memory/constitution.md': CONSTITUTION });
  repo.commit('001-login', { 'specs/001-login/spec.md': spec });
  return { repo, pull: repo.openPull('001-login') };
}

test.each([
  ['padded past max-file-size with a hidden comment', `${SPEC_WITH_MARKERS}\n<!--${' padding'.repeat(1_000)} -->\n`, SMALL_CAP, /max-file-size/],
  ['too costly to parse', `${SPEC_WITH_MARKERS}\n${']'.repeat(30_000)}\n`, CONFIG, /too costly to parse/],
])('a spec %s fails completeness, and its open markers still fail clarifications', async (_shape, spec, config, why) => {
  const { repo, pull } = seed(spec, config);
  expect(await harness.deliver('pull_request', pullRequestEvent(repo, pull.number))).toBe(200);
  const completeness = repo.checkRunsFor(pull.headSha, 'specgate / completeness')[0]!;
  expect(completeness.conclusion).toBe('failure');
  expect(completeness.annotations).toEqual(expect.arrayContaining([
    expect.objectContaining({ path: 'specs/001-login/spec.md', annotation_level: 'failure', title: 'readable-document', message: expect.stringMatching(why) }),
  ]));
  const clarifications = repo.checkRunsFor(pull.headSha, 'specgate / clarifications')[0]!;
  expect(clarifications.conclusion).toBe('failure');
  expect(clarifications.annotations).toEqual(expect.arrayContaining([
    expect.objectContaining({ start_line: 21, title: 'no-unresolved-clarifications' }),
    expect.objectContaining({ start_line: 22, title: 'no-unresolved-clarifications' }),
  ]));
  expect(repo.checkRunsFor(pull.headSha, 'specgate')[0]!.conclusion).toBe('failure');
  // The markers still get their issues, and no finding comes from the missing parse tree.
  expect(repo.realIssues()).toHaveLength(2);
  expect(completeness.annotations.map((a) => a.title)).not.toContain('required-sections-present');
});

// GitHub's GraphQL API cuts `Blob.text` at 512,000 bytes (and sets `isTruncated`): a spec
// a little larger, under `max-file-size`, must be checked whole, not as its first 500 KB.
test('a spec longer than GraphQL returns is read whole: its marker past 512,000 bytes still fails clarifications', async () => {
  const padding = `<!--${' padding'.repeat(70_000)} -->\n`;
  const spec = `${SPEC_WITH_MARKERS}\n${padding}\n- **FR-003**: System MUST email a receipt to [NEEDS CLARIFICATION: which address?]\n`;
  const line = spec.split('\n').length - 1;
  const { repo, pull } = seed(spec, CONFIG);
  expect(await harness.deliver('pull_request', pullRequestEvent(repo, pull.number))).toBe(200);
  const clarifications = repo.checkRunsFor(pull.headSha, 'specgate / clarifications')[0]!;
  expect(clarifications.conclusion).toBe('failure');
  expect(clarifications.annotations).toEqual(expect.arrayContaining([expect.objectContaining({ start_line: line, title: 'no-unresolved-clarifications' })]));
  expect(repo.realIssues()).toHaveLength(3);
});
