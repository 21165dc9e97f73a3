import * as core from '@actions/core';
import { evaluate, type Config, type Report, type SourceFile } from '../engine/index.js';
import type { CheckOutcome } from '../github/checks/plan.js';
import { publishChecks } from '../github/checks/publish.js';
import type { GitHubClient, RepoRef } from '../github/client.js';
import type { Waiver } from '../github/commands/waivers.js';
import { readConfigText } from '../github/read/config.js';
import { readDocuments } from '../github/read/documents.js';
import type { ChangedFile } from '../github/read/pull-request.js';
import { applyWaivers, describeWaivers } from './apply-waivers.js';
import { ConfigFileError } from './errors.js';
import { finish } from './finish.js';
import type { WriteGuard } from './github-client.js';
import type { ActionInputs } from './inputs.js';
import { loadConfig } from './load-config.js';

/** What every API-backed mode shares. */
export interface ActionContext extends RepoRef {
  inputs: ActionInputs;
  octokit: GitHubClient;
  guard: WriteGuard;
}

/** One commit to gate: a pull request head or a merge-queue group. */
export interface CommitTarget {
  headSha: string;
  baseSha: string;
  changed: readonly ChangedFile[];
  /** Whether to publish check runs (decided from the inputs, token and event). */
  checks: boolean;
  waivers?: readonly Waiver[];
  /** Runs after evaluation, before the job report (clarification issues). */
  after?: (result: { config: Config; files: readonly SourceFile[]; report: Report }) => Promise<void>;
}

/** Reads and validates the config at `ref` (the base, never the PR head). */
export async function readConfig(ctx: ActionContext, ref: string): Promise<Config> {
  const text = await readConfigText({ octokit: ctx.octokit, owner: ctx.owner, repo: ctx.repo, ref, path: ctx.inputs.config });
  return loadConfig(text, ctx.inputs.config, ctx.inputs);
}

/**
 * Gates one commit: config from the base, documents read through the API as data (never
 * checked out or run), the engine, then check runs when allowed and the job report.
 */
export async function gateCommit(ctx: ActionContext, target: CommitTarget): Promise<void> {
  let config: Config;
  try {
    config = await readConfig(ctx, target.baseSha);
  } catch (error) {
    if (error instanceof ConfigFileError && target.checks) await publish(ctx, target, { kind: 'invalid-config', errors: error.errors });
    throw error;
  }
  const documents = await readDocuments({ octokit: ctx.octokit, owner: ctx.owner, repo: ctx.repo, headSha: target.headSha, baseSha: target.baseSha, changed: target.changed, config });
  core.info(`Gating ${documents.changed.length} changed document(s) at ${target.headSha.slice(0, 7)} (${documents.files.length} read with their feature folders).`);
  for (const note of documents.notes) ctx.guard.note(note);
  const report = evaluate({ files: documents.files, config, base: documents.base, ...(documents.tree ? { tree: documents.tree } : {}) });
  const waivers = target.waivers ?? [];
  const outcome: CheckOutcome = documents.files.length === 0 ? { kind: 'no-documents' } : { kind: 'report', report, waivers, notes: documents.notes };
  if (target.checks) await publish(ctx, target, outcome);
  if (target.after) await target.after({ config, files: documents.files, report });
  for (const line of describeWaivers(waivers)) ctx.guard.note(line);
  await finish(applyWaivers(report, waivers), { ...(ctx.inputs.sarifFile ? { sarifFile: ctx.inputs.sarifFile } : {}), notes: ctx.guard.notes });
}

async function publish(ctx: ActionContext, target: CommitTarget, outcome: CheckOutcome): Promise<void> {
  const result = await ctx.guard.write('publish check runs', 'checks: write', () =>
    publishChecks({ octokit: ctx.octokit, owner: ctx.owner, repo: ctx.repo, headSha: target.headSha, outcome, ...detailsUrl() }));
  if (result) core.info(`Check runs: ${result.written} write(s), ${result.unchanged} unchanged.`);
}

function detailsUrl(): { detailsUrl?: string } {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: runId } = process.env;
  return server && repo && runId ? { detailsUrl: `${server}/${repo}/actions/runs/${runId}` } : {};
}
