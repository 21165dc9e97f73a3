import type { Context } from 'probot';
import { findPullRequestsForSha } from '../../github/index.js';
import { gatePullRequest, type AppSettings } from '../gate.js';

/** PR numbers for a head SHA: from the payload, else by listing open PRs (fork PRs carry none). */
async function pullsFor(context: Context<'check_suite' | 'check_run'>, sha: string, listed: { number: number }[]): Promise<number[]> {
  if (listed.length > 0) return listed.map((pull) => pull.number);
  const { repository } = context.payload;
  const pulls = await findPullRequestsForSha({ octokit: context.octokit, owner: repository.owner.login, repo: repository.name, sha });
  return pulls.map((pull) => pull.number);
}

/** requested / rerequested ("Re-run all checks"): gate every PR whose head this is. */
export async function onCheckSuite(context: Context<'check_suite'>, settings: AppSettings): Promise<void> {
  const { check_suite: suite, repository } = context.payload;
  for (const number of await pullsFor(context, suite.head_sha, suite.pull_requests)) {
    await gatePullRequest(context, { owner: repository.owner.login, repo: repository.name, number, headSha: suite.head_sha }, settings);
  }
}

/** "Re-run" on one run, or a button: `recheck` gates again, `clarify` also opens issues. */
export async function onCheckRun(context: Context<'check_run'>, settings: AppSettings): Promise<void> {
  const { check_run: run, repository } = context.payload;
  if (!run.name.startsWith('specgate')) return;
  const identifier = context.payload.action === 'requested_action' ? context.payload.requested_action?.identifier : 'recheck';
  if (identifier !== 'recheck' && identifier !== 'clarify') return;
  for (const number of await pullsFor(context, run.head_sha, run.pull_requests)) {
    await gatePullRequest(context, { owner: repository.owner.login, repo: repository.name, number, headSha: run.head_sha, clarify: identifier === 'clarify' }, settings);
  }
}
