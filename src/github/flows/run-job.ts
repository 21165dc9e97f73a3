import { closeAbandoned, type CloseAbandonedResult } from './close-abandoned.js';
import { closeResolved, type CloseResolvedResult } from './close-resolved.js';
import type { Job } from './event-job.js';
import { gateMergeGroup } from './gate-merge-group.js';
import type { GateResult } from './gate-commit.js';
import { gateOpenPullRequests, gatePullRequest } from './gate-pull-request.js';
import type { FlowPort, RepoInput } from './ports.js';
import { runCommands, type CommandsResult } from './run-commands.js';

/**
 * How a shell handles a push to the default branch (see docs/app-and-action.md, "Push to
 * the default branch"): which open issues are judged, and whether open PRs are gated again
 * when the config or the constitution changed.
 */
export interface PushPolicy {
  judge: 'merged' | 'all';
  regate: boolean;
}

/** What running one job came to, for the shell to present. */
export type JobResult =
  | { kind: 'gated'; results: GateResult[] }
  | { kind: 'commands'; result: CommandsResult }
  | { kind: 'closed'; result: CloseResolvedResult | CloseAbandonedResult };

/** Runs the use case a job asks for, in `repo`, through the shell's port. */
export async function runJob(port: FlowPort, repo: RepoInput, job: Exclude<Job, { kind: 'skip' }>, push: PushPolicy): Promise<JobResult> {
  switch (job.kind) {
    case 'pull-request':
      return { kind: 'gated', results: [await gatePullRequest(port, { ...repo, number: job.number, ...(job.headSha ? { headSha: job.headSha } : {}) })] };
    case 'recheck':
      return { kind: 'gated', results: await gateOpenPullRequests(port, { ...repo, sha: job.sha, numbers: job.numbers, clarify: job.clarify }) };
    case 'merge-group':
      return { kind: 'gated', results: [await gateMergeGroup(port, { ...repo, headSha: job.headSha, baseSha: job.baseSha, ...(job.headRef ? { headRef: job.headRef } : {}) })] };
    case 'command': {
      const { kind: _kind, fromBot, ...comment } = job;
      return { kind: 'commands', result: await runCommands(port, { ...repo, ...comment, fromBot: fromBot === true }) };
    }
    case 'push': {
      // The paths matter to `merged` (only issues on them are judged) and to re-gating.
      const touched = push.judge === 'merged' || push.regate ? { touched: new Set(job.touched) } : {};
      return { kind: 'closed', result: await closeResolved(port, { ...repo, sha: job.after, judge: push.judge, regate: push.regate, ...touched }) };
    }
    case 'pr-closed':
      return { kind: 'closed', result: await closeAbandoned(port, { ...repo, number: job.number, baseSha: job.baseSha }) };
  }
}
