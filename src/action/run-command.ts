import * as core from '@actions/core';
import { DOCS_BASE, rules } from '../engine/index.js';
import { rest } from '../github/client.js';
import { HELP_TEXT, parseCommands, type Command } from '../github/commands/parse.js';
import { canWaive, getRole } from '../github/commands/permission.js';
import { isGate, recordWaiver } from '../github/commands/waivers.js';
import type { ActionContext } from './gate-commit.js';
import { gatePullRequest } from './gate-pull-request.js';
import type { Job } from './read-event.js';

type CommentJob = Extract<Job, { kind: 'command' }>;

/**
 * `issue_comment`: the App's slash commands, one per line. Receipt is acknowledged with a
 * reaction, refusals and unknown verbs get a reply (never silence), and commands that
 * change the result re-gate the PR once at the end.
 */
export async function runCommands(ctx: ActionContext, job: CommentJob): Promise<void> {
  const commands = parseCommands(job.body);
  if (commands.length === 0 || !job.isPullRequest) {
    core.info(commands.length === 0 ? 'The comment holds no `/specgate` command.' : 'specgate commands work on pull requests only.');
    core.setOutput('conclusion', 'neutral');
    core.setOutput('findings', '0');
    return;
  }
  await ctx.guard.write('add a reaction to the comment', 'issues: write', () =>
    rest(ctx.octokit, 'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', { owner: ctx.owner, repo: ctx.repo, comment_id: job.commentId, content: 'eyes' }));
  let regate = false;
  let clarify = false;
  for (const command of commands) {
    core.info(`Command: /specgate ${command.verb} ${command.args}`.trim());
    const outcome = await runOne(ctx, job, command);
    regate ||= outcome !== 'replied';
    clarify ||= outcome === 'clarify';
  }
  if (regate) await gatePullRequest(ctx, { number: job.issueNumber, clarify });
  else {
    core.setOutput('conclusion', 'neutral');
    core.setOutput('findings', '0');
  }
}

async function runOne(ctx: ActionContext, job: CommentJob, command: Command): Promise<'replied' | 'regate' | 'clarify'> {
  switch (command.verb) {
    case 'recheck':
      return 'regate';
    case 'clarify':
      return 'clarify';
    case 'help':
      await reply(ctx, job, HELP_TEXT);
      return 'replied';
    case 'explain':
      await reply(ctx, job, explain(command.args));
      return 'replied';
    case 'waive':
    case 'unwaive':
      return waive(ctx, job, command);
    default:
      await reply(ctx, job, `Unknown command \`/specgate ${command.verb}\`.\n\n${HELP_TEXT}`);
      return 'replied';
  }
}

async function waive(ctx: ActionContext, job: CommentJob, command: Command): Promise<'replied' | 'regate'> {
  const active = command.verb === 'waive';
  const [gate = '', ...words] = command.args.split(/\s+/);
  const reason = words.join(' ').trim();
  if (!isGate(gate) || (active && reason === '')) {
    await reply(ctx, job, `Usage: \`/specgate ${active ? 'waive <gate> <reason>' : 'unwaive <gate>'}\`, with a gate among \`clarifications\`, \`constitution\`, \`checklists\`, \`completeness\`, \`consistency\`.`);
    return 'replied';
  }
  // Never trust author_association: ask for the role (maintain folds into write otherwise).
  const role = await getRole({ ...ctx, username: job.author });
  if (!canWaive(role)) {
    await reply(ctx, job, `@${job.author}, \`/specgate ${command.verb}\` needs the maintain or admin role on this repository (yours: \`${role}\`).`);
    return 'replied';
  }
  await ctx.guard.write(`record the ${command.verb} of \`${gate}\``, 'issues: write', () =>
    recordWaiver({ ...ctx, number: job.issueNumber, record: { gate, by: job.author, reason, active } }));
  return 'regate';
}

function explain(args: string): string {
  const id = args.split(/\s+/)[0] ?? '';
  const rule = rules.find((candidate) => candidate.meta.id === id);
  if (!rule) return `Unknown rule \`${id}\`. Every rule has a page under [docs/rules](${DOCS_BASE}).`;
  const { meta } = rule;
  return `**${meta.id}** (gate \`${meta.gate}\`, default severity \`${meta.severity}\`): ${meta.description}\n\nHow to fix its findings and when to turn it off: ${DOCS_BASE}${meta.id}.md`;
}

async function reply(ctx: ActionContext, job: CommentJob, body: string): Promise<void> {
  await ctx.guard.write('reply to the command', 'issues: write', () =>
    rest(ctx.octokit, 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: ctx.owner, repo: ctx.repo, issue_number: job.issueNumber, body }));
}
