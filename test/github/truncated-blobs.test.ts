import { expect, test } from '@jest/globals';
import { defaultConfig, evaluate } from '../../src/engine/index.js';
import { getPullRequest, listChangedFiles, readDocuments } from '../../src/github/index.js';
import { useStandIn } from '../support/github-standin/use-stand-in.js';
import { octokitFor } from './octokit.js';

// GitHub's GraphQL API returns at most 512,000 bytes of `Blob.text` and sets `isTruncated`;
// the stand-in does the same. A gated file must never be checked as its first 500 KB.
const standIn = useStandIn({ resetRequests: true });

const SPEC = 'specs/001-a/spec.md';
const long = (bytes: number, tail: string): string => `# Feature Specification: A\n\n<!--${' pad'.repeat(Math.ceil(bytes / 4))} -->\n\n${tail}\n`;

async function read(name: string, head: Record<string, string>, base: Record<string, string> = {}) {
  const repo = standIn.state.addRepo('acme', name, base);
  repo.commit('feature', head);
  const pull = repo.openPull('feature');
  const octokit = octokitFor(standIn);
  const info = await getPullRequest({ octokit, owner: 'acme', repo: name, number: pull.number });
  const changed = await listChangedFiles({ octokit, owner: 'acme', repo: name, number: pull.number });
  standIn.requests.length = 0;
  return readDocuments({ octokit, owner: 'acme', repo: name, headSha: info.headSha, baseSha: info.baseSha, changed, config: defaultConfig() });
}

test('a spec GraphQL truncated is read again whole, with one contents request', async () => {
  const spec = long(600_000, '[NEEDS CLARIFICATION: past the cut?]');
  const documents = await read('long', { [SPEC]: spec });
  expect(documents.files.find((file) => file.path === SPEC)?.content).toBe(spec);
  expect(standIn.requests.filter((r) => r.route === 'GET /repos/{owner}/{repo}/contents/{path}')).toHaveLength(1);
});

test('so is the base text of a long spec the pull request modifies', async () => {
  const before = long(600_000, 'Before.');
  const documents = await read('long-base', { [SPEC]: '# Feature Specification: A\n' }, { [SPEC]: before });
  expect(documents.base.get(SPEC)).toBe(before);
});

test('a spec too large to read whole keeps its start and its real size, so it fails as oversize', async () => {
  const spec = long(17 * 1_048_576, 'Tail.');
  const documents = await read('huge', { [SPEC]: spec });
  const file = documents.files.find((f) => f.path === SPEC)!;
  expect([String(file.content).length, file.size]).toEqual([512_000, Buffer.byteLength(spec)]);
  expect(standIn.requests.filter((r) => r.route === 'GET /repos/{owner}/{repo}/contents/{path}')).toEqual([]);
  const findings = evaluate({ files: documents.files, config: defaultConfig() }).gates.flatMap((g) => g.findings);
  expect(findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'readable-document', severity: 'error', message: expect.stringMatching(/^Unexpected file size of \d+ bytes/) })]));
});
