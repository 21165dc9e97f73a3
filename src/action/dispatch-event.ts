import {
  decideChecks, readOnlyNote, resolveJob, runJob, type FlowPort, type JobResult, type PushPolicy,
} from '../github/flows/index.js';
import type { ActionInputs } from './inputs.js';
import { actionPort, currentRepo } from './port.js';
import { neutral, presentClosed, presentCommands, presentGate } from './present.js';
import { readEventFromEnv } from './read-event.js';

/**
 * The Action judges every open clarification issue on each push and re-gates nothing: it
 * reads config at each PR's base, and a fork PR's own runs cannot close its issues (see
 * docs/app-and-action.md).
 */
const PUSH_POLICY: PushPolicy = { judge: 'all', regate: false };

/** The port for a job, with the write policy its token and event allow, and the lines that say why. */
function portFor(inputs: ActionInputs, readOnly: { why: string } | undefined): FlowPort {
  const checks = decideChecks(inputs.checkRuns, inputs.token, readOnly);
  const port = actionPort({ inputs, policy: { checkRuns: checks.publish, issues: readOnly === undefined } });
  if (checks.why) port.guard.note(checks.why);
  if (readOnly) port.guard.note(readOnlyNote(readOnly));
  return port;
}

/** Re-run of a workflow runs its event again, so check suite and check run events reach the App only. */
const RECHECK_SKIPPED = 'specgate does nothing on check suite and check run events in a workflow; re-run the workflow run instead.';

/** Runs the use case the triggering event asks for (see src/github/flows/event-job.ts) and presents its result. */
export async function dispatchEvent(inputs: ActionInputs): Promise<void> {
  const job = resolveJob(readEventFromEnv());
  if (job.kind === 'skip' || job.kind === 'recheck') return neutral([job.kind === 'skip' ? job.reason : RECHECK_SKIPPED]);
  const port = portFor(inputs, job.kind === 'pull-request' ? job.readOnly : undefined);
  await present(await runJob(port, currentRepo(), job, PUSH_POLICY), inputs);
}

/** One gate result, a comment's commands or the issues closed, the runner's way. */
async function present(result: JobResult, inputs: ActionInputs): Promise<void> {
  if (result.kind === 'commands') return presentCommands(result.result, inputs);
  if (result.kind === 'closed') return presentClosed(result.result, inputs);
  for (const gate of result.results) await presentGate(gate, inputs);
}
