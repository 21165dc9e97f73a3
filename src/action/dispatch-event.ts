import * as core from '@actions/core';
import type { ActionInputs } from './inputs.js';
import { readEventFromEnv, resolveJob } from './read-event.js';

/** Runs the job the triggering event asks for. */
export async function dispatchEvent(inputs: ActionInputs): Promise<void> {
  const job = resolveJob(readEventFromEnv());
  core.info(`${job.kind} ${inputs.dryRun}`);
}
