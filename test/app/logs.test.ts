import { expect, test } from '@jest/globals';
import { CONFIG, CONSTITUTION, SPEC_WITH_MARKERS } from './fixtures.js';
import { linesWithSecrets, pullRequestEvent, SECRETS } from './harness.js';
import { useHarness } from './use-harness.js';

// useHarness checks every test's log lines for secrets; these tests drive the paths most likely to log one.
const harness = useHarness();

function seed() {
  const repo = harness.standIn.state.addRepo('acme', 'product', { '.github/specgate.yml': CONFIG, '.specify/memory/constitution.md': CONSTITUTION });
  repo.commit('001-login', { 'specs/001-login/spec.md': SPEC_WITH_MARKERS });
  return { repo, pull: repo.openPull('001-login') };
}

test('the check finds each secret in a log line: a line of the private key, the webhook secret, the token, an app JWT', () => {
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIxIn0.c2lnbmF0dXJl';
  const lines = [...SECRETS.slice(0, 1), ...SECRETS.slice(-2), jwt].map((secret) => `{"msg":"request failed","detail":"x${secret}x"}\n`);
  expect(linesWithSecrets([...lines, '{"msg":"GitHub request: GET /repos/acme/product - 200"}\n'])).toEqual(lines);
});

test('a token exchange that GitHub refuses is logged, without the key, the JWT or a token', async () => {
  const { repo, pull } = seed();
  harness.standIn.faults.push({ method: 'POST', path: /\/access_tokens$/, status: 401, times: 10 });
  await harness.deliver('pull_request', pullRequestEvent(repo, pull.number));
  expect(harness.logs.some((line) => line.includes('"level":50') && line.includes('access_tokens'))).toBe(true);
});

test('GitHub failures while gating are logged, without the installation token', async () => {
  const { repo, pull } = seed();
  harness.standIn.faults.push({ method: 'POST', path: /^\/graphql$/, status: 500, times: 10 });
  await harness.deliver('pull_request', pullRequestEvent(repo, pull.number));
  expect(harness.logs.some((line) => line.includes('"level":50') && line.includes('"endpoint":"POST http://127.0.0.1:') && line.includes('/graphql"'))).toBe(true);
  expect(repo.checkRunsFor(pull.headSha, 'specgate')[0]?.status).toBe('completed');
});
