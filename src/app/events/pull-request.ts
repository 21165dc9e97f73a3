import type { Context } from 'probot';
import { closePullRequestIssues } from '../../github/index.js';
import { loadConfig } from '../config.js';
import { botLoginOf, gatePullRequest, type AppSettings } from '../gate.js';

/** opened, synchronize, reopened, ready_for_review: gate the new head. */
export async function onPullRequest(context: Context<'pull_request'>, settings: AppSettings): Promise<void> {
  const { pull_request: pull, repository } = context.payload;
  await gatePullRequest(context, { owner: repository.owner.login, repo: repository.name, number: pull.number, headSha: pull.head.sha }, settings);
}

/** Closed without merging: its clarification issues are closed as not planned. */
export async function onPullRequestClosed(context: Context<'pull_request.closed'>, settings: AppSettings): Promise<void> {
  const { pull_request: pull, repository } = context.payload;
  if (pull.merged) return;
  const loaded = await loadConfig(context);
  const block = loaded.config['clarification-issues'];
  if (block.mode === 'off') return;
  const closed = await closePullRequestIssues({ octokit: context.octokit, owner: repository.owner.login, repo: repository.name, number: pull.number, label: block.labels[0] ?? 'specgate', botLogin: botLoginOf(settings) });
  if (closed.length > 0) context.log.info({ pull: pull.number, closed }, 'closed clarification issues of an unmerged pull request');
}
