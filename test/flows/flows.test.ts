import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import {
  closeAbandoned, closeResolved, gateMergeGroup, gatePullRequest, runCommands, type FlowPort,
} from '../../src/github/flows/index.js';
import { createEvaluator, type Evaluator } from '../../src/github/flows/evaluate-pool.js';
import { CONFIG, CONSTITUTION, SPEC_ONE_RESOLVED, SPEC_WITH_MARKERS } from '../app/fixtures.js';
import type { Pull, Repo } from '../support/github-standin/index.js';
import { useStandIn } from '../support/github-standin/use-stand-in.js';
import { actionPortFor, appPortFor, snapshot } from './ports.js';

// Each use case runs twice on identical repositories: once through the App's port, once
// through the Action's. Whatever the shell, GitHub must end up showing the same thing.
const standIn = useStandIn();
let evaluator: Evaluator;
beforeAll(() => {
  evaluator = createEvaluator({ timeoutMs: 60_000 });
});
afterAll(() => evaluator.close());

const SPEC = 'specs/001-login/spec.md';
let repos = 0;

interface Seeded { repo: Repo; pull: Pull }
type Shell = 'app' | 'action';

function seed(shell: Shell, config = CONFIG): Seeded {
  repos += 1;
  const repo = standIn.state.addRepo('acme', `${shell}-${repos}`, { '.github/specgate.yml': config, '.specify/memory/constitution.md': CONSTITUTION });
  repo.commit('001-login', { [SPEC]: SPEC_WITH_MARKERS });
  return { repo, pull: repo.openPull('001-login') };
}

/** Seeds one repository per shell, runs `act` through that shell's port, and returns both snapshots. */
async function inBoth(act: (port: FlowPort, seeded: Seeded, shell: Shell) => Promise<unknown>, config?: string): Promise<{ app: unknown; action: unknown; seeded: Record<Shell, Seeded> }> {
  const seeded = { app: seed('app', config), action: seed('action', config) };
  await act(appPortFor(standIn, seeded.app.repo, evaluator), seeded.app, 'app');
  await act(actionPortFor(standIn, seeded.action.repo), seeded.action, 'action');
  return { app: snapshot(seeded.app.repo), action: snapshot(seeded.action.repo), seeded };
}

const repoOf = ({ repo }: Seeded) => ({ owner: repo.owner, repo: repo.name });

describe('each use case leaves the same GitHub state through the App\'s port and the Action\'s', () => {
  test('gate-pull-request: check runs with annotations, one issue per clarification', async () => {
    const { app, action, seeded } = await inBoth((port, s) => gatePullRequest(port, { ...repoOf(s), number: s.pull.number, headSha: s.pull.headSha }));
    expect(action).toEqual(app);
    const { repo, pull } = seeded.app;
    expect(repo.checkRunsFor(pull.headSha, 'specgate').map((run) => run.conclusion)).toEqual(['failure']);
    expect(repo.checkRunsFor(pull.headSha, 'specgate / clarifications')[0]!.annotations).toHaveLength(2);
    expect(repo.realIssues().map((issue) => issue.state)).toEqual(['open', 'open']);
  });

  test('gate-pull-request on a head that moved on: nothing but a superseded run', async () => {
    const { app, action, seeded } = await inBoth(async (port, s) => {
      const stale = s.pull.headSha;
      s.repo.commit('001-login', { [SPEC]: SPEC_ONE_RESOLVED });
      return gatePullRequest(port, { ...repoOf(s), number: s.pull.number, headSha: stale });
    });
    expect(action).toEqual(app);
    expect(seeded.app.repo.checkRuns).toEqual([]);
    expect(seeded.app.repo.realIssues()).toEqual([]);
  });

  test('gate-merge-group: the group head carries the check, the queued PR\'s waiver applies, no issues', async () => {
    const { app, action, seeded } = await inBoth(async (port, s) => {
      s.repo.collaborators.set('mona', 'maintain');
      await runCommands(port, { ...repoOf(s), issueNumber: s.pull.number, commentId: 1, body: '/specgate waive clarifications agreed', author: 'mona', fromBot: false, isPullRequest: true });
      // Only the group's own runs count here (the waive gated the PR head too).
      s.repo.checkRuns.length = 0;
      const headRef = `refs/heads/gh-readonly-queue/main/pr-${s.pull.number}-${s.pull.baseSha}`;
      return gateMergeGroup(port, { ...repoOf(s), headSha: s.pull.headSha, baseSha: s.pull.baseSha, headRef });
    });
    expect(action).toEqual(app);
    const runs = seeded.app.repo.checkRunsFor(seeded.app.pull.headSha);
    expect(runs.find((run) => run.name === 'specgate / clarifications')?.conclusion).toBe('success');
    expect(runs.find((run) => run.name === 'specgate / clarifications')?.output.title).toMatch(/^Waived by @\u200Bmona$/);
  });

  test('run-commands: reaction, waiver record, one reply, the PR gated again', async () => {
    const body = '/specgate waive clarifications Answers agreed in review\n/specgate help';
    const { app, action, seeded } = await inBoth(async (port, s) => {
      s.repo.collaborators.set('mona', 'maintain');
      return runCommands(port, { ...repoOf(s), issueNumber: s.pull.number, commentId: 7, body, author: 'mona', fromBot: false, isPullRequest: true });
    });
    expect(action).toEqual(app);
    const { repo, pull } = seeded.app;
    expect(repo.reactions.map((reaction) => reaction.content)).toEqual(['eyes']);
    expect(repo.checkRunsFor(pull.headSha, 'specgate / clarifications')[0]?.conclusion).toBe('success');
  });

  test('close-resolved: a merged PR\'s issue closes once its marker is gone from the default branch', async () => {
    const { app, action, seeded } = await inBoth(async (port, s, shell) => {
      await gatePullRequest(port, { ...repoOf(s), number: s.pull.number, headSha: s.pull.headSha });
      Object.assign(s.pull, { state: 'closed', merged: true });
      const after = s.repo.commit('main', { [SPEC]: SPEC_ONE_RESOLVED });
      // Each shell maps its push as it does for real: the App judges merged PRs' issues on the touched files, the Action every open issue.
      return closeResolved(port, { ...repoOf(s), sha: after, touched: new Set([SPEC]), judge: shell === 'app' ? 'merged' : 'all' });
    });
    expect(action).toEqual(app);
    expect(seeded.app.repo.realIssues().map((issue) => [issue.state, issue.state_reason])).toEqual([['closed', 'completed'], ['open', null]]);
  });

  test('close-resolved: an open PR\'s issues stay open while its spec is not on the default branch yet', async () => {
    const { app, action, seeded } = await inBoth(async (port, s, shell) => {
      await gatePullRequest(port, { ...repoOf(s), number: s.pull.number, headSha: s.pull.headSha });
      const after = s.repo.commit('main', { 'README.md': '# Product, renamed\n' });
      return closeResolved(port, { ...repoOf(s), sha: after, touched: new Set(['README.md']), judge: shell === 'app' ? 'merged' : 'all' });
    });
    expect(action).toEqual(app);
    expect(seeded.app.repo.realIssues().map((issue) => issue.state)).toEqual(['open', 'open']);
  });

  test('close-abandoned: a PR closed unmerged has its issues closed as not planned', async () => {
    const { app, action, seeded } = await inBoth(async (port, s) => {
      await gatePullRequest(port, { ...repoOf(s), number: s.pull.number, headSha: s.pull.headSha });
      s.pull.state = 'closed';
      return closeAbandoned(port, { ...repoOf(s), number: s.pull.number, baseSha: s.pull.baseSha });
    });
    expect(action).toEqual(app);
    expect(seeded.app.repo.realIssues().map((issue) => [issue.state, issue.state_reason])).toEqual([['closed', 'not_planned'], ['closed', 'not_planned']]);
  });

  test('`_extends`: both ports follow it to the shared config and merge it', async () => {
    const shared = standIn.state.addRepo('acme', 'shared-config', { '.github/specgate.yml': 'clarification-issues:\n  mode: command\n' });
    const { app, action, seeded } = await inBoth(
      (port, s) => gatePullRequest(port, { ...repoOf(s), number: s.pull.number, headSha: s.pull.headSha }),
      `_extends: ${shared.name}\n`,
    );
    expect(action).toEqual(app);
    // `command` mode from the extended file: no issue opens, the check offers the button.
    expect(seeded.app.repo.realIssues()).toEqual([]);
    expect(seeded.app.repo.checkRunsFor(seeded.app.pull.headSha, 'specgate')[0]!.actions.map((a) => a['identifier'])).toEqual(['recheck', 'clarify']);
  });
});

// Kiro and OpenSpec pull requests, through both ports: repositories laid out as those formats are.
const KIRO_REQUIREMENTS = `# Requirements Document

## Introduction

Members keep a watch list of films.

## Requirements

### Requirement 1: Watch list

**User Story:** As a member, I want to save films, so that I can watch them later.

#### Acceptance Criteria

1. WHEN a member saves a film THEN the system SHALL add it to the watch list
2. WHEN a member removes a film THEN the system SHALL drop it within TBD seconds
3. Films are listed newest first

## Open Questions

- Should the watch list be shared with friends?
`;

const KIRO_TASKS = `# Implementation Plan

- [ ] 1. Build the watch list
  - [ ] 1.1 Save films
    - _Requirements: 1.1, 1.4_
`;

const OPENSPEC_MAIN = `# Auth Specification

## Purpose

How members sign in to the product and how their sessions are kept and ended.

## Requirements

### Requirement: Login
The system SHALL start a session for a member who signs in with a valid password.

#### Scenario: Valid password
- **WHEN** a member signs in with a valid password
- **THEN** a session starts
`;

const OPENSPEC_PROPOSAL = `# Change: Two-factor sign-in

## Why
Passwords alone are phished too often; a second factor stops most account takeovers.

## What Changes
- Sign-in asks for a one-time code
`;

const OPENSPEC_DELTA = `## ADDED Requirements

### Requirement: One-time code
The system SHALL ask for a one-time code after a valid password.

## MODIFIED Requirements

### Requirement: Login
The system SHALL start a session for a member who signs in with a valid password and code.
`;

const OPENSPEC_BROKEN = `## MODIFIED Requirements

### Requirement: Nothing like it
Something.
`;

/** Seeds one repository per shell with `base` on the default branch and `head` on a branch, and runs the PR's gate through each port. */
async function gateInBoth(base: Record<string, string>, head: Record<string, string>): Promise<{ app: unknown; action: unknown; seeded: Record<Shell, Seeded> }> {
  const make = (shell: Shell): Seeded => {
    repos += 1;
    const repo = standIn.state.addRepo('acme', `${shell}-${repos}`, { '.github/specgate.yml': CONFIG, ...base });
    repo.commit('feature', head);
    return { repo, pull: repo.openPull('feature') };
  };
  const seeded = { app: make('app'), action: make('action') };
  const gate = (port: FlowPort, s: Seeded) => gatePullRequest(port, { ...repoOf(s), number: s.pull.number, headSha: s.pull.headSha });
  await gate(appPortFor(standIn, seeded.app.repo, evaluator), seeded.app);
  await gate(actionPortFor(standIn, seeded.action.repo), seeded.action);
  return { app: snapshot(seeded.app.repo), action: snapshot(seeded.action.repo), seeded };
}

/** The conclusion and the annotations (path, line, level, rule) of each run on the PR's head. */
function runsOf({ repo, pull }: Seeded) {
  const run = (name: string) => repo.checkRunsFor(pull.headSha, name)[0];
  return {
    conclusion: (name: string) => run(name)?.conclusion,
    annotations: (name: string) => (run(name)?.annotations ?? []).map((a) => [a['path'], a['start_line'], a['annotation_level'], a['title']]),
  };
}

describe('a Kiro and an OpenSpec pull request, through the App\'s port and the Action\'s', () => {
  test('kiro: check runs fail on an unresolved citation and the open questions, one issue per open question', async () => {
    // Modelled on OBigVee__bkhrease_consult/.kiro/specs/bkhrease-academic-website/{requirements,tasks}.md.
    const { app, action, seeded } = await gateInBoth({}, {
      '.kiro/specs/watch-list/requirements.md': KIRO_REQUIREMENTS,
      '.kiro/specs/watch-list/tasks.md': KIRO_TASKS,
    });
    expect(action).toEqual(app);
    const { conclusion, annotations } = runsOf(seeded.app);
    const { repo } = seeded.app;
    expect(conclusion('specgate')).toBe('failure');
    expect(annotations('specgate / clarifications')).toEqual([
      ['.kiro/specs/watch-list/requirements.md', 16, 'failure', 'no-unresolved-clarifications'],
      ['.kiro/specs/watch-list/requirements.md', 21, 'failure', 'no-unresolved-clarifications'],
    ]);
    expect(conclusion('specgate / consistency')).toBe('failure');
    expect(annotations('specgate / consistency')).toEqual([
      ['.kiro/specs/watch-list/requirements.md', 16, 'warning', 'kiro-criteria-covered'],
      ['.kiro/specs/watch-list/requirements.md', 17, 'warning', 'kiro-criteria-covered'],
      ['.kiro/specs/watch-list/tasks.md', 5, 'failure', 'kiro-citations-resolve'],
    ]);
    // A criterion in no EARS pattern is a warning: the gate passes with it.
    expect(conclusion('specgate / completeness')).toBe('success');
    expect(annotations('specgate / completeness')).toEqual([['.kiro/specs/watch-list/requirements.md', 17, 'warning', 'kiro-criteria-ears']]);
    expect(repo.realIssues().map((issue) => [issue.title, issue.state])).toEqual([
      ['[watch-list] Clarify: WHEN a member removes a film THEN the system SHALL drop it within TBD seconds', 'open'],
      ['[watch-list] Clarify: Should the watch list be shared with friends?', 'open'],
    ]);
  });

  test('openspec: the touched change is gated whole (its untouched proposal and tasks too), an untouched broken change is not', async () => {
    // Modelled on the OpenSpec repositories of the study corpus: openspec/specs/<capability>/spec.md and openspec/changes/<id>/.
    const { app, action, seeded } = await gateInBoth({
      'openspec/specs/auth/spec.md': OPENSPEC_MAIN,
      'openspec/changes/add-2fa/proposal.md': OPENSPEC_PROPOSAL.replace(/## Why\n.*\n/, '## Why\nSafer.\n'),
      'openspec/changes/add-2fa/tasks.md': '## 1. Code\n- [ ] 2.1 Ask for the code\n',
      'openspec/changes/broken/proposal.md': OPENSPEC_PROPOSAL,
      'openspec/changes/broken/specs/auth/spec.md': OPENSPEC_BROKEN,
    }, { 'openspec/changes/add-2fa/specs/auth/spec.md': OPENSPEC_DELTA });
    expect(action).toEqual(app);
    const { conclusion, annotations } = runsOf(seeded.app);
    const { repo } = seeded.app;
    const paths = repo.checkRuns.flatMap((run) => run.annotations.map((a) => a['path']));
    expect(paths.some((path) => String(path).includes('changes/broken/'))).toBe(false);
    expect(conclusion('specgate')).toBe('failure');
    expect(annotations('specgate / completeness')).toEqual([
      // The change's proposal and tasks, which the PR does not touch, are gated with its delta.
      ['openspec/changes/add-2fa/proposal.md', 3, 'warning', 'openspec-proposal-sections'],
      ['openspec/changes/add-2fa/specs/auth/spec.md', 3, 'failure', 'openspec-requirement-has-scenario'],
      ['openspec/changes/add-2fa/specs/auth/spec.md', 8, 'failure', 'openspec-requirement-has-scenario'],
      ['openspec/changes/add-2fa/tasks.md', 2, 'warning', 'openspec-task-numbering'],
    ]);
    // The main spec the delta modifies is read with it: the MODIFIED requirement drops its scenario.
    expect(conclusion('specgate / consistency')).toBe('failure');
    expect(annotations('specgate / consistency')).toEqual([['openspec/changes/add-2fa/specs/auth/spec.md', 8, 'failure', 'openspec-modified-keeps-scenarios']]);
  });
});
