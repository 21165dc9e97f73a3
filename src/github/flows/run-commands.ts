import { untrustedPlain } from '../../engine/index.js';
import { rest } from '../client.js';
import { HELP_TEXT, type Command } from '../commands/parse.js';
import { canWaive, getRole } from '../commands/permission.js';
import { planCommands, runPlan, type CommandOutcome } from '../commands/plan-commands.js';
import { explainReply, refusalReply, unknownCommandReply } from '../commands/replies.js';
import { isGate, recordWaiver } from '../commands/waivers.js';
import { getPullRequest } from '../read/pull-request.js';
import type { GateResult } from './gate-commit.js';
import { gatePullRequest } from './gate-pull-request.js';
import type { FlowPort, RepoInput } from './ports.js';

/** One new comment, as the event carries it. */
export interface CommentInput extends RepoInput {
  issueNumber: number;
  commentId: number;
  body: string;
  author: string;
  /** Written by a bot (specgate itself included): never obeyed. */
  fromBot: boolean;
  isPullRequest: boolean;
}

/** What a comment came to. */
export type CommandsResult =
  | { kind: 'ignored'; reason: string }
  | { kind: 'answered'; reply?: string; gate?: GateResult; notes: readonly string[] };

/**
 * `/specgate <verb>` lines in PR comments. Reacts 👀 on receipt, answers refusals and
 * unknown verbs with the help text, ignores bots and non-PR issues. One comment costs
 * bounded work: repeats act once, a few distinct commands act at most (see
 * {@link planCommands}), their answers go out as one reply, and the pull request is gated
 * again at most once, at the end, on the head current then.
 */
export async function runCommands(port: FlowPort, input: CommentInput): Promise<CommandsResult> {
  if (input.fromBot) return { kind: 'ignored', reason: 'The comment is a bot\'s; specgate obeys people only.' };
  const plan = planCommands(input.body);
  if (plan.skipped) port.log.warn({ comment: input.commentId, reason: plan.skipped }, 'specgate read no commands from a comment');
  if (plan.run.length === 0) return { kind: 'ignored', reason: 'The comment holds no `/specgate` command.' };
  if (!input.isPullRequest) return { kind: 'ignored', reason: 'specgate commands work on pull requests only.' };
  const base = { owner: input.owner, repo: input.repo };
  await port.guard.write('comments', 'add a reaction to the comment', () =>
    rest(port.octokit, 'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', { ...base, comment_id: input.commentId, content: 'eyes' }));
  const outcome = await runPlan({ plan, run: (command) => runCommand(port, input, command) });
  if (outcome.reply) await reply(port, input, outcome.reply);
  const gate = outcome.regate ? await regate(port, input, outcome.regate === 'clarify') : undefined;
  return { kind: 'answered', ...(outcome.reply ? { reply: outcome.reply } : {}), ...(gate ? { gate } : {}), notes: [...port.guard.notes] };
}

async function regate(port: FlowPort, input: CommentInput, clarify: boolean): Promise<GateResult> {
  // Act on the head current now, not the one the comment was written against.
  const pull = await getPullRequest({ octokit: port.octokit, owner: input.owner, repo: input.repo, number: input.issueNumber });
  return gatePullRequest(port, { owner: input.owner, repo: input.repo, number: input.issueNumber, headSha: pull.headSha, ...(clarify ? { clarify } : {}) });
}

/** One command: its answer for the reply, or whether the pull request must be gated again. */
async function runCommand(port: FlowPort, input: CommentInput, command: Command): Promise<CommandOutcome> {
  port.log.info({ verb: command.verb }, untrustedPlain(`Command: /specgate ${command.verb} ${command.args}`, { max: 200 }));
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
    case 'unwaive':
      return waive(port, input, command);
    default:
      return { reply: unknownCommandReply(command.verb) };
  }
}

async function waive(port: FlowPort, input: CommentInput, command: Command): Promise<CommandOutcome> {
  const active = command.verb === 'waive';
  const [gate = '', ...words] = command.args.split(/\s+/);
  const reason = words.join(' ').trim();
  if (!isGate(gate) || (active && reason === '')) {
    return { reply: `\`/specgate ${command.verb}\` needs a gate${active ? ' and a reason' : ''}: \`/specgate ${command.verb} <gate>${active ? ' <reason>' : ''}\`.\n\n${HELP_TEXT}` };
  }
  // Never trust author_association: ask for the role (maintain folds into write otherwise).
  const role = await getRole({ octokit: port.octokit, owner: input.owner, repo: input.repo, username: input.author });
  if (!canWaive(role)) return { reply: refusalReply({ author: input.author, verb: command.verb, role }) };
  await port.guard.write('comments', `record the ${command.verb} of \`${gate}\``, () => recordWaiver({
    octokit: port.octokit, owner: input.owner, repo: input.repo, number: input.issueNumber, record: { gate, by: input.author, reason: reason || 'revoked', active },
  }));
  return { regate: 'recheck' };
}

async function reply(port: FlowPort, input: CommentInput, body: string): Promise<void> {
  await port.guard.write('comments', 'reply to the command', () =>
    rest(port.octokit, 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: input.owner, repo: input.repo, issue_number: input.issueNumber, body }));
}
