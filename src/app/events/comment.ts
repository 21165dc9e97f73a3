import type { Context } from 'probot';
import {
  HELP_TEXT, canWaive, explainReply, getPullRequest, getRole, isGate, planCommands, recordWaiver, refusalReply, rest, runPlan, unknownCommandReply,
  type Command, type CommandOutcome,
} from '../../github/index.js';
import { gatePullRequest, type AppSettings } from '../gate.js';

type CommentContext = Context<'issue_comment.created'>;

/**
 * `/specgate <verb>` lines in PR comments. Reacts 👀 on receipt, answers refusals and
 * unknown verbs with the help text, ignores bots (itself included) and non-PR issues.
 * One comment costs bounded work: repeats act once, a few distinct commands act at most
 * (see {@link planCommands}), their answers go out as one reply, and the pull request is
 * gated again at most once, at the end.
 */
export async function onIssueComment(context: CommentContext, settings: AppSettings): Promise<void> {
  const { comment, issue, repository } = context.payload;
  if (!issue.pull_request || comment.user?.type === 'Bot' || comment.user?.login.endsWith('[bot]')) return;
  const plan = planCommands(comment.body ?? '');
  if (plan.skipped) context.log.warn({ comment: comment.id, reason: plan.skipped }, 'specgate read no commands from a comment');
  if (plan.run.length === 0) return;
  const owner = repository.owner.login;
  const repo = repository.name;
  await rest(context.octokit, 'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', { owner, repo, comment_id: comment.id, content: 'eyes' });
  const outcome = await runPlan({ plan, run: (command) => runCommand(context, command) });
  if (outcome.reply) await rest(context.octokit, 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: issue.number, body: outcome.reply });
  if (!outcome.regate) return;
  // Act on the head current now, not the one the comment was written against.
  const pull = await getPullRequest({ octokit: context.octokit, owner, repo, number: issue.number });
  await gatePullRequest(context, { owner, repo, number: issue.number, headSha: pull.headSha, clarify: outcome.regate === 'clarify' }, settings);
}

/** One command: its answer for the reply, or whether the pull request must be gated again. */
async function runCommand(context: CommentContext, command: Command): Promise<CommandOutcome> {
  const { comment, issue, repository } = context.payload;
  const owner = repository.owner.login;
  const repo = repository.name;
  const author = comment.user?.login ?? 'unknown';
  switch (command.verb) {
    case 'help':
      return { reply: HELP_TEXT };
    case 'recheck':
      return { regate: 'recheck' };
    case 'clarify':
      return { regate: 'clarify' };
    case 'explain':
      return { reply: explainReply(command.args) };
    case 'waive':
    case 'unwaive': {
      const [gate = '', ...words] = command.args.split(/\s+/);
      const reason = words.join(' ').trim();
      if (!isGate(gate) || (command.verb === 'waive' && reason === '')) {
        return { reply: `\`/specgate ${command.verb}\` needs a gate${command.verb === 'waive' ? ' and a reason' : ''}: \`/specgate ${command.verb} <gate>${command.verb === 'waive' ? ' <reason>' : ''}\`.\n\n${HELP_TEXT}` };
      }
      const role = await getRole({ octokit: context.octokit, owner, repo, username: author });
      if (!canWaive(role)) {
        return { reply: refusalReply({ author, verb: command.verb, role }) };
      }
      await recordWaiver({ octokit: context.octokit, owner, repo, number: issue.number, record: { gate, by: author, reason: reason || 'revoked', active: command.verb === 'waive' } });
      return { regate: 'recheck' };
    }
    default:
      return { reply: unknownCommandReply(command.verb) };
  }
}
