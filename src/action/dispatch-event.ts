import * as core from '@actions/core';
import { closeAbandoned, closeResolved } from './close-resolved.js';
import type { ActionContext } from './gate-commit.js';
import { gateMergeGroup, gatePullRequest } from './gate-pull-request.js';
import { createClient, currentRepo, WriteGuard } from './github-client.js';
import type { ActionInputs } from './inputs.js';
import { readEventFromEnv, resolveJob } from './read-event.js';
import { runCommands } from './run-command.js';

/** Runs what the triggering event asks for (see read-event.ts for each event). */
export async function dispatchEvent(inputs: ActionInputs): Promise<void> {
  const job = resolveJob(readEventFromEnv());
  if (job.kind === 'skip') {
    core.info(job.reason);
    core.setOutput('conclusion', 'neutral');
    core.setOutput('findings', '0');
    return;
  }
  const ctx: ActionContext = { ...currentRepo(), inputs, octokit: createClient(inputs.token), guard: new WriteGuard(inputs.dryRun) };
  switch (job.kind) {
    case 'pull-request':
      return gatePullRequest(ctx, { number: job.number, ...(job.readOnly ? { readOnly: job.readOnly } : {}) });
    case 'merge-group':
      return gateMergeGroup(ctx, job);
    case 'command':
      return runCommands(ctx, job);
    case 'push':
      return closeResolved(ctx, job);
    case 'pr-closed':
      return closeAbandoned(ctx, job);
  }
}
