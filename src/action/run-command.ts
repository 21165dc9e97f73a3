import * as core from '@actions/core';
import { untrustedPlain } from '../engine/index.js';
import { rest } from '../github/client.js';
import { HELP_TEXT, type Command } from '../github/commands/parse.js';
import { planCommands, runPlan, type CommandOutcome } from '../github/commands/plan-commands.js';
import { canWaive, getRole } from '../github/commands/permission.js';
import { explainReply, refusalReply, unknownCommandReply } from '../github/commands/replies.js';
import { isGate, recordWaiver } from '../github/commands/waivers.js';
import type { ActionContext } from './gate-commit.js';
import { gatePullRequest } from './gate-pull-request.js';
import type { Job } from './read-event.js';

type CommentJob = Extract<Job, { kind: 'command' }>;

/**
 * `issue_comment`: the App's slash commands, one per line. Receipt is acknowledged with a
 * reaction, refusals and unknown verbs get a reply (never silence), and commands that
 * change the result re-gate the PR once at the end. As in the App, repeats act once, a
 * few distinct commands act at most, and their answers go out as one reply.
 */
export async function runCommands(ctx: ActionContext, job: CommentJob): Promise<void> {
  const plan = planCommands(job.body);
  if (plan.skipped) core.info(`specgate read no commands from the comment: ${plan.skipped}.`);
  if (plan.run.length === 0 || !job.isPullRequest) {
    core.info(plan.run.length === 0 ? 'The comment holds no `/specgate` command.' : 'specgate commands work on pull requests only.');
    core.setOutput('conclusion', 'neutral');
    core.setOutput('findings', '0');
    return;
  }
  await ctx.guard.write('add a reaction to the comment', 'issues: write', () =>
    rest(ctx.octokit, 'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', { owner: ctx.owner, repo: ctx.repo, comment_id: job.commentId, content: 'eyes' }));
  const outcome = await runPlan({
    plan,
    run: (command) => {
      core.info(untrustedPlain(`Command: /specgate ${command.verb} ${command.args}`, { max: 200 }));
      return runOne(ctx, job, command);
    },
  });
  if (outcome.reply) await reply(ctx, job, outcome.reply);
  if (outcome.regate) await gatePullRequest(ctx, { number: job.issueNumber, clarify: outcome.regate === 'clarify' });
  else {
    core.setOutput('conclusion', 'neutral');
    core.setOutput('findings', '0');
  }
}

/** One command: its answer for the reply, or whether the pull request must be gated again. */
async function runOne(ctx: ActionContext, job: CommentJob, command: Command): Promise<CommandOutcome> {
  switch (command.verb) {
    case 'recheck':
      return { regate: 'recheck' };
    case 'clarify':
      return { regate: 'clarify' };
    case 'help':
      return { reply: HELP_TEXT };
    case 'explain':
      return { reply: explainReply(command.args) };
    case 'waive':
    case 'unwaive':
      return waive(ctx, job, command);
    default:
      return { reply: unknownCommandReply(command.verb) };
  }
}

async function waive(ctx: ActionContext, job: CommentJob, command: Command): Promise<CommandOutcome> {
  const active = command.verb === 'waive';
  const [gate = '', ...words] = command.args.split(/\s+/);
  const reason = words.join(' ').trim();
  if (!isGate(gate) || (active && reason === '')) {
    return { reply: `Usage: \`/specgate ${active ? 'waive <gate> <reason>' : 'unwaive <gate>'}\`, with a gate among \`clarifications\`, \`constitution\`, \`checklists\`, \`completeness\`, \`consistency\`.` };
  }
  // Never trust author_association: ask for the role (maintain folds into write otherwise).
  const role = await getRole({ ...ctx, username: job.author });
  if (!canWaive(role)) {
    return { reply: refusalReply({ author: job.author, verb: command.verb, role }) };
  }
  await ctx.guard.write(`record the ${command.verb} of \`${gate}\``, 'issues: write', () =>
    recordWaiver({ ...ctx, number: job.issueNumber, record: { gate, by: job.author, reason, active } }));
  return { regate: 'recheck' };
}

async function reply(ctx: ActionContext, job: CommentJob, body: string): Promise<void> {
  await ctx.guard.write('reply to the command', 'issues: write', () =>
    rest(ctx.octokit, 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: ctx.owner, repo: ctx.repo, issue_number: job.issueNumber, body }));
}
