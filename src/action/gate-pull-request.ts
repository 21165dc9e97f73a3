import * as core from '@actions/core';
import { readWaivers } from '../github/commands/waivers.js';
import { compareCommits, getPullRequest, listChangedFiles } from '../github/read/pull-request.js';
import { decideChecks, readOnlyNote } from './decide-checks.js';
import { gateCommit, type ActionContext } from './gate-commit.js';
import { syncIssues } from './sync-issues.js';

/** A pull request to gate, and what the token may do on it. */
export interface PullRequestJob {
  number: number;
  /** Set on fork and Dependabot `pull_request` runs, with the reason. */
  readOnly?: { why: string };
  /** `/specgate clarify`: open clarification issues even in `command` mode. */
  clarify?: boolean;
}

/**
 * `pull_request`, `pull_request_target`, `workflow_dispatch` and comment commands: the PR's
 * files are read through the API as data, never checked out or run, so this is safe
 * under `pull_request_target` too.
 */
export async function gatePullRequest(ctx: ActionContext, job: PullRequestJob): Promise<void> {
  const [pr, changed, waivers] = await Promise.all([
    getPullRequest({ ...ctx, number: job.number }),
    listChangedFiles({ ...ctx, number: job.number }),
    readWaivers({ ...ctx, number: job.number, botLogin: ctx.inputs.botLogin }),
  ]);
  const checks = decideChecks(ctx.inputs.checkRuns, ctx.inputs.token, job.readOnly);
  if (checks.why) ctx.guard.note(checks.why);
  if (job.readOnly) ctx.guard.note(readOnlyNote(job.readOnly));
  core.info(`Pull request #${pr.number}: ${changed.length} changed file(s), head ${pr.headSha.slice(0, 7)}, base \`${pr.baseRef}\`.`);
  await gateCommit(ctx, {
    headSha: pr.headSha, baseSha: pr.baseSha, changed, checks: checks.publish, waivers,
    ...(job.readOnly ? {} : {
      after: ({ config, files, report }) => syncIssues(ctx, { pull: { number: pr.number, headSha: pr.headSha }, config, files, report, clarify: job.clarify === true }),
    }),
  });
}

/** `merge_group`: the queue's commit must carry the required check too. No issues here. */
export async function gateMergeGroup(ctx: ActionContext, group: { headSha: string; baseSha: string }): Promise<void> {
  const changed = await compareCommits({ ...ctx, base: group.baseSha, head: group.headSha });
  const checks = decideChecks(ctx.inputs.checkRuns, ctx.inputs.token, undefined);
  if (checks.why) ctx.guard.note(checks.why);
  await gateCommit(ctx, { headSha: group.headSha, baseSha: group.baseSha, changed, checks: checks.publish });
}
