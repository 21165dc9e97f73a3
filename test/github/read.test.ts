import { expect, test } from '@jest/globals';
import { defaultConfig } from '../../src/engine/index.js';
import { getPullRequest, listChangedFiles, readDocuments } from '../../src/github/index.js';
import { useStandIn } from '../support/github-standin/use-stand-in.js';
import { octokitFor } from './octokit.js';

const standIn = useStandIn({ resetRequests: true });

test('reads 120 changed documents, their siblings and the base constitution in one round of GraphQL batches', async () => {
  const repo = standIn.state.addRepo('acme', 'big', {
    '.specify/memory/constitution.md': '# Constitution v1\n',
    'specs/001-a/plan.md': '# Plan\n',
    'specs/001-a/checklists/requirements.md': '# Checklist\n',
    '.specify/templates/spec-template.md': '[NEEDS CLARIFICATION: example]\n',
  });
  const files: Record<string, string> = { '.specify/memory/constitution.md': '# Constitution v2 (PR head)\n', 'src/app.ts': 'x' };
  for (let i = 0; i < 120; i += 1) files[`specs/${String(i).padStart(3, '0')}-f/spec.md`] = `# Spec ${i}\n`;
  files['specs/001-a/spec.md'] = '# Spec A\n';
  repo.commit('feature', files);
  const pull = repo.openPull('feature');
  const octokit = octokitFor(standIn);
  const info = await getPullRequest({ octokit, owner: 'acme', repo: 'big', number: pull.number });
  const changed = await listChangedFiles({ octokit, owner: 'acme', repo: 'big', number: pull.number });
  expect(changed).toHaveLength(123);
  standIn.requests.length = 0;

  const documents = await readDocuments({ octokit, owner: 'acme', repo: 'big', headSha: info.headSha, baseSha: info.baseSha, changed, config: defaultConfig() });
  const paths = documents.files.map((file) => file.path);
  expect(paths).toContain('specs/001-a/plan.md'); // unchanged sibling
  expect(paths).toContain('specs/001-a/checklists/requirements.md');
  expect(paths).not.toContain('src/app.ts');
  expect(paths).not.toContain('.specify/templates/spec-template.md');
  expect(documents.changed).toHaveLength(122);
  // The PR changes the constitution: its head version is the document under review, the base version is "before".
  expect(documents.base.get('.specify/memory/constitution.md')).toBe('# Constitution v1\n');
  // 120 feature folders + 1 more, the constitution and its base text: three batches of at most 50, sent together with the tree.
  expect(standIn.requests.map((r) => r.route).sort()).toEqual(['GET /repos/{owner}/{repo}/git/trees/{tree_sha}', 'POST /graphql', 'POST /graphql', 'POST /graphql']);
  // The head's files, untouched ones included; folders are not paths.
  expect(documents.tree).toContain('src/app.ts');
  expect(documents.tree).toContain('.specify/templates/spec-template.md');
  expect(documents.tree).not.toContain('specs/001-a');
  expect(documents.notes).toEqual([]);
  expect(standIn.problems).toEqual([]);
});

test('a truncated tree is no tree, and says so', async () => {
  const repo = standIn.state.addRepo('acme', 'huge', { 'src/a.ts': 'a', 'src/b.ts': 'b' });
  repo.truncateTrees = true;
  const headSha = repo.commit('feature', { 'specs/001-x/tasks.md': '# Tasks\n' });
  const documents = await readDocuments({
    octokit: octokitFor(standIn), owner: 'acme', repo: 'huge', headSha, baseSha: repo.branches.get('main')!,
    changed: [{ path: 'specs/001-x/tasks.md', status: 'added' }], config: defaultConfig(),
  });
  expect(documents.files.map((file) => file.path)).toEqual(['specs/001-x/tasks.md']);
  expect(documents.tree).toBeUndefined();
  expect(documents.notes).toEqual([expect.stringContaining('truncated the repository tree')]);
});

test('the constitution comes from the base when the PR does not change it, never from the head', async () => {
  const repo = standIn.state.addRepo('acme', 'small', { '.specify/memory/constitution.md': '# Base constitution\n' });
  const baseSha = repo.branches.get('main')!;
  repo.commit('main', { '.specify/memory/constitution.md': '# Newer main constitution\n' });
  repo.commit('feature', { 'specs/001-x/spec.md': '# Spec\n' });
  const octokit = octokitFor(standIn);
  const documents = await readDocuments({
    octokit, owner: 'acme', repo: 'small', headSha: repo.branches.get('feature')!, baseSha,
    changed: [{ path: 'specs/001-x/spec.md', status: 'added' }], config: defaultConfig(),
  });
  expect(documents.files.find((file) => file.path === '.specify/memory/constitution.md')?.content).toBe('# Base constitution\n');
});

test('lists every page of a long file list, the later pages together', async () => {
  const repo = standIn.state.addRepo('acme', 'many', {});
  const files: Record<string, string> = {};
  for (let i = 0; i < 250; i += 1) files[`docs/${i}.txt`] = String(i);
  repo.commit('feature', files);
  const pull = repo.openPull('feature');
  standIn.requests.length = 0;
  const changed = await listChangedFiles({ octokit: octokitFor(standIn), owner: 'acme', repo: 'many', number: pull.number });
  expect(changed).toHaveLength(250);
  expect(standIn.requests).toHaveLength(3);
});

test('nothing is fetched for a PR that changes no gated file', async () => {
  const documents = await readDocuments({
    octokit: octokitFor(standIn), owner: 'acme', repo: 'many', headSha: 'a', baseSha: 'b',
    changed: [{ path: 'src/x.ts', status: 'modified' }, { path: '.claude/commands/specify.md', status: 'modified' }], config: defaultConfig(),
  });
  expect(documents).toEqual({ files: [], base: new Map(), changed: [], notes: [] });
  expect(standIn.requests).toEqual([]);
});

test('an OpenSpec pull request gates each change it touches whole, with the main specs its deltas modify, and no other change', async () => {
  // Modelled on the layout of the OpenSpec repositories of the study corpus (openspec/changes/<id>/, openspec/specs/<capability>/spec.md).
  const delta = '## MODIFIED Requirements\n### Requirement: Login\nThe system SHALL log users in.\n\n#### Scenario: Valid password\n- **WHEN** a user signs in\n- **THEN** a session starts\n';
  const repo = standIn.state.addRepo('acme', 'ospec', {
    'openspec/project.md': '# Project\n',
    'openspec/specs/auth/spec.md': '# Auth\n\n## Purpose\nSign-in.\n\n## Requirements\n### Requirement: Login\nThe system SHALL log users in.\n\n#### Scenario: Valid password\n- **WHEN** a user signs in\n- **THEN** a session starts\n',
    'openspec/specs/billing/spec.md': '# Billing\n',
    'openspec/changes/add-login/proposal.md': '# Change\n\n## Why\nUsers need sessions.\n\n## What Changes\n- Login\n',
    'openspec/changes/add-login/tasks.md': '## 1. Login\n- [ ] 1.1 Build it\n',
    'openspec/changes/add-login/.openspec.yaml': 'schema: spec-driven\n',
    'openspec/changes/add-billing/proposal.md': '# Other change\n',
    'openspec/changes/add-billing/specs/billing/spec.md': '## ADDED Requirements\n',
  });
  repo.commit('feature', { 'openspec/changes/add-login/specs/auth/spec.md': delta });
  const pull = repo.openPull('feature');
  const octokit = octokitFor(standIn);
  const info = await getPullRequest({ octokit, owner: 'acme', repo: 'ospec', number: pull.number });
  const changed = await listChangedFiles({ octokit, owner: 'acme', repo: 'ospec', number: pull.number });
  const documents = await readDocuments({ octokit, owner: 'acme', repo: 'ospec', headSha: info.headSha, baseSha: info.baseSha, changed, config: defaultConfig() });
  expect(documents.files.map((file) => file.path)).toEqual([
    'openspec/changes/add-login/proposal.md',
    'openspec/changes/add-login/specs/auth/spec.md',
    'openspec/changes/add-login/tasks.md',
    'openspec/specs/auth/spec.md',
  ]);
  expect(documents.changed).toEqual([
    'openspec/changes/add-login/proposal.md',
    'openspec/changes/add-login/specs/auth/spec.md',
    'openspec/changes/add-login/tasks.md',
    'openspec/specs/auth/spec.md',
  ]);

  // Touching a change only through a file that is not markdown (here its .openspec.yaml) still gates it whole.
  repo.commit('yaml', { 'openspec/changes/add-billing/.openspec.yaml': 'schema: spec-driven\n' });
  const yamlPull = repo.openPull('yaml');
  const yamlInfo = await getPullRequest({ octokit, owner: 'acme', repo: 'ospec', number: yamlPull.number });
  const yamlChanged = await listChangedFiles({ octokit, owner: 'acme', repo: 'ospec', number: yamlPull.number });
  const yamlDocuments = await readDocuments({ octokit, owner: 'acme', repo: 'ospec', headSha: yamlInfo.headSha, baseSha: yamlInfo.baseSha, changed: yamlChanged, config: defaultConfig() });
  expect(yamlDocuments.files.map((file) => file.path)).toEqual([
    'openspec/changes/add-billing/proposal.md',
    'openspec/changes/add-billing/specs/billing/spec.md',
    'openspec/specs/billing/spec.md',
  ]);
  expect(standIn.problems).toEqual([]);
});

test('without the tree (GitHub truncated it), an OpenSpec PR still reads the main spec its changed delta names', async () => {
  const repo = standIn.state.addRepo('acme', 'ospec-huge', { 'openspec/specs/auth/spec.md': '# Auth\n', 'openspec/changes/add-login/proposal.md': '# Change\n' });
  repo.truncateTrees = true;
  const headSha = repo.commit('feature', { 'openspec/changes/add-login/specs/auth/spec.md': '## ADDED Requirements\n', 'openspec/changes/add-login/specs/new/spec.md': '## ADDED Requirements\n' });
  const documents = await readDocuments({
    octokit: octokitFor(standIn), owner: 'acme', repo: 'ospec-huge', headSha, baseSha: repo.branches.get('main')!,
    changed: [{ path: 'openspec/changes/add-login/specs/auth/spec.md', status: 'added' }, { path: 'openspec/changes/add-login/specs/new/spec.md', status: 'added' }],
    config: defaultConfig(),
  });
  expect(documents.files.map((file) => file.path)).toEqual([
    'openspec/changes/add-login/specs/auth/spec.md', 'openspec/changes/add-login/specs/new/spec.md', 'openspec/specs/auth/spec.md',
  ]);
  expect(documents.notes).toEqual([expect.stringContaining('truncated the repository tree')]);
});
