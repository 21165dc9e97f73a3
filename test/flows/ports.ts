import { getOctokit } from '@actions/github';
import { Context, ProbotOctokit } from 'probot';
import { actionPort } from '../../src/action/port.js';
import { appPort } from '../../src/app/port.js';
import type { FlowPort, GitHubClient } from '../../src/github/flows/index.js';
import type { Evaluator } from '../../src/github/flows/evaluate-pool.js';
import { limitConfigFile } from '../../src/github/flows/index.js';
import type { Repo, StandIn } from '../support/github-standin/index.js';
import { BOT, INSTALLATION_TOKEN } from '../support/github-standin/state.js';

const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, trace: () => {}, fatal: () => {}, child: () => silent };

/** The App's port for one repository: Probot's context (its `context.config`, `_extends` and all) over the stand-in, and the worker pool. */
export function appPortFor(standIn: StandIn, repo: Repo, evaluator: Evaluator): FlowPort {
  const octokit = new (ProbotOctokit.plugin(limitConfigFile))({
    auth: { token: INSTALLATION_TOKEN }, baseUrl: standIn.url, retry: { enabled: false }, throttle: { enabled: false }, log: silent,
  });
  const event = { id: '1', name: 'push', payload: { repository: { owner: { login: repo.owner }, name: repo.name, html_url: `https://github.com/${repo.fullName}` } } };
  const context = new Context(event as never, octokit, silent as never);
  return appPort(context, { issueDelayMs: 0, evaluator, botLogin: BOT.login });
}

/**
 * The Action's port for one repository, as a job builds it from its environment, with
 * `@actions/github`'s Octokit; its retries and pacing are off, as the App's are here.
 */
export function actionPortFor(standIn: StandIn, repo: Repo): FlowPort {
  const inputs = { token: 'ghs_workflowtoken', config: '.github/specgate.yml', checkRuns: 'always' as const, dryRun: false, botLogin: 'github-actions[bot]' };
  const env = { GITHUB_API_URL: standIn.url, GITHUB_REPOSITORY: repo.fullName, GITHUB_SERVER_URL: 'https://github.com', SPECGATE_ISSUE_DELAY_MS: '0' };
  const octokit = getOctokit(inputs.token, { baseUrl: standIn.url, log: silent });
  return actionPort({ inputs, policy: { checkRuns: true, issues: true }, env, octokit: octokit as unknown as GitHubClient });
}

const SHA = /\b[0-9a-f]{40}\b/g;

/**
 * What a repository shows on GitHub, with what must differ between two repositories
 * (their names, the commit SHAs derived from them, the ids) taken out.
 */
export function snapshot(repo: Repo): unknown {
  const norm = (text: string | null): string => (text ?? '').replaceAll(repo.fullName, '<repo>').replace(SHA, '<sha>');
  return {
    checkRuns: repo.checkRuns.map((run) => ({
      name: run.name, head: norm(run.head_sha), status: run.status, conclusion: run.conclusion, title: run.output.title, summary: norm(run.output.summary),
      annotations: run.annotations.map((a) => [a['path'], a['start_line'], a['annotation_level'], a['title'], a['message']]),
      actions: run.actions.map((action) => action['identifier']),
    })).sort((a, b) => a.name.localeCompare(b.name)),
    issues: repo.realIssues().map((issue) => ({ title: issue.title, state: issue.state, reason: issue.state_reason, labels: issue.labels, body: norm(issue.body) })),
    comments: repo.comments.map((comment) => ({ on: comment.issue_number, body: norm(comment.body) })),
    reactions: repo.reactions.map((reaction) => reaction.content),
  };
}
