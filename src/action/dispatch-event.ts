import * as core from '@actions/core';
import {
  closeAbandoned, closeResolved, decideChecks, gateMergeGroup, gatePullRequest, readOnlyNote, runCommands, type FlowPort,
} from '../github/flows/index.js';
import type { ActionInputs } from './inputs.js';
import { actionPort, currentRepo } from './port.js';
import { presentClosed, presentCommands, presentGate } from './present.js';
import { readEventFromEnv, resolveJob, type Job } from './read-event.js';

/** The port for a job, with the write policy its token and event allow, and the lines that say why. */
function portFor(inputs: ActionInputs, readOnly: { why: string } | undefined): FlowPort {
  const checks = decideChecks(inputs.checkRuns, inputs.token, readOnly);
  const port = actionPort({ inputs, policy: { checkRuns: checks.publish, issues: readOnly === undefined } });
  if (checks.why) port.guard.note(checks.why);
  if (readOnly) port.guard.note(readOnlyNote(readOnly));
  return port;
}

/** Runs the use case the triggering event asks for (see read-event.ts for each event) and presents its result. */
export async function dispatchEvent(inputs: ActionInputs): Promise<void> {
  const job = resolveJob(readEventFromEnv());
  if (job.kind === 'skip') {
    core.info(job.reason);
    core.setOutput('conclusion', 'neutral');
    core.setOutput('findings', '0');
    return;
  }
  await runJob(inputs, job, currentRepo());
}

async function runJob(inputs: ActionInputs, job: Exclude<Job, { kind: 'skip' }>, repo: { owner: string; repo: string }): Promise<void> {
  const port = portFor(inputs, job.kind === 'pull-request' ? job.readOnly : undefined);
  switch (job.kind) {
    case 'pull-request':
      return presentGate(await gatePullRequest(port, { ...repo, number: job.number, ...(job.headSha ? { headSha: job.headSha } : {}) }), inputs);
    case 'merge-group':
      return presentGate(await gateMergeGroup(port, { ...repo, headSha: job.headSha, baseSha: job.baseSha, ...(job.headRef ? { headRef: job.headRef } : {}) }), inputs);
    case 'command': {
      const { kind: _kind, ...comment } = job;
      return presentCommands(await runCommands(port, { ...repo, ...comment, fromBot: job.author.endsWith('[bot]') }), inputs);
    }
    case 'push':
      // The Action judges every open clarification issue on each push and re-gates nothing: it reads config at each PR's base (see docs/app-and-action.md).
      return presentClosed(await closeResolved(port, { ...repo, sha: job.after, judge: 'all' }), inputs);
    case 'pr-closed':
      return presentClosed(await closeAbandoned(port, { ...repo, number: job.number, baseSha: job.baseSha }), inputs);
  }
}
