import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import {
  inlineEvaluator, readConfigChain, REQUEST_TIMEOUT_MS, RETRY_POLICY, timedFetch, WriteGuard, type FlowLog, type FlowPort, type GitHubClient, type LoadedConfig, type RepoInput, type WritePolicy,
} from '../github/flows/index.js';
import { untrustedLog } from '../engine/index.js';
import { EventError, InputError } from './errors.js';
import type { ActionInputs } from './inputs.js';
import { withInputs } from './load-config.js';

/** Pause between issue creations: GitHub's secondary limits on content-creating requests. */
const CREATE_DELAY_MS = 1_000;

/** Lines of the use cases, in the job log (fields are for the App's structured log). */
const jobLog: FlowLog = {
  info: (_fields, message) => core.info(untrustedLog(message)),
  warn: (_fields, message) => core.info(untrustedLog(message)),
  error: (_fields, message) => core.info(untrustedLog(message)),
};

/**
 * The Octokit for the `token` input, with the App's retry and throttling policy: each
 * attempt within a timeout, 5xx, timeouts and secondary rate limits retried, writes paced
 * as GitHub asks. `GITHUB_API_URL` names the API (GHES, tests).
 */
export function createClient(token: string, env: NodeJS.ProcessEnv = process.env): GitHubClient {
  if (!token) throw new InputError('Missing input `token`', 'Pass `token: ${{ github.token }}` (the default) or an App installation token.');
  const options = { ...RETRY_POLICY, request: { fetch: timedFetch(REQUEST_TIMEOUT_MS) }, ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}) };
  return getOctokit(token, options, retry, throttling) as unknown as GitHubClient;
}

/** `GITHUB_REPOSITORY` as owner and name. */
export function currentRepo(env: NodeJS.ProcessEnv = process.env): RepoInput {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) throw new EventError('Missing `GITHUB_REPOSITORY`', 'Run specgate as a step of a GitHub Actions workflow.');
  return { owner, repo };
}

/** The config at the run's base, `_extends` followed, with the inputs that override it applied. */
async function readConfig(at: RepoInput & { octokit: GitHubClient; ref: string }, inputs: ActionInputs): Promise<LoadedConfig> {
  const loaded = await readConfigChain({ ...at, path: inputs.config });
  if (loaded.state !== 'invalid') withInputs(loaded.config, inputs);
  return loaded;
}

/**
 * The use cases' port for this job: the token's Octokit, config read through the API at
 * the base, the job log, evaluation in process, and the write policy the shell decided
 * (inputs, token and event). `octokit` is the token's client unless one is given.
 */
export function actionPort(job: { inputs: ActionInputs; policy: Omit<WritePolicy, 'dryRun'>; env?: NodeJS.ProcessEnv; octokit?: GitHubClient }): FlowPort {
  const { inputs, policy, env = process.env } = job;
  const octokit = job.octokit ?? createClient(inputs.token, env);
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: runId, SPECGATE_ISSUE_DELAY_MS: delay } = env;
  return {
    octokit,
    readConfig: async (ref) => readConfig({ octokit, ...currentRepo(env), ref: await ref }, inputs),
    log: jobLog,
    evaluator: inlineEvaluator,
    guard: new WriteGuard({ ...policy, dryRun: inputs.dryRun }),
    botLogin: () => Promise.resolve(inputs.botLogin),
    issueDelayMs: delay ? Number(delay) : CREATE_DELAY_MS,
    ...(server ? { serverUrl: server } : {}),
    ...(server && repo && runId ? { detailsUrl: `${server}/${repo}/actions/runs/${runId}` } : {}),
  };
}
