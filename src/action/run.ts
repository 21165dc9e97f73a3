import * as core from '@actions/core';
import { untrustedMarkdown } from '../engine/report/index.js';
import { PayloadError } from '../github/flows/index.js';
import { ActionError, ConfigFileError } from './errors.js';
import { readInputs } from './inputs.js';
import { refuseUnsafeWorkspace } from './read-event.js';

/**
 * The Action's one try/catch: a known problem (bad input, bad config, unusable event)
 * fails the job with one line saying what to fix; anything else is a bug, shown with its stack.
 */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    refuseUnsafeWorkspace(process.env.GITHUB_EVENT_NAME, inputs.path);
    // Each mode loads only what it runs: the workspace gate needs no GitHub client.
    if (inputs.path !== undefined) await (await import('./gate-workspace.js')).gateWorkspace({ ...inputs, path: inputs.path });
    else await (await import('./dispatch-event.js')).dispatchEvent(inputs);
  } catch (error) {
    if (error instanceof ActionError || error instanceof PayloadError) {
      if (error instanceof ConfigFileError) await reportInvalidConfig(error);
      core.setFailed(`${error.message}. ${error.fix}`);
      return;
    }
    const status = (error as { status?: unknown } | null)?.status;
    if (typeof status === 'number') {
      // An API answer we cannot work around (bad token, missing PR): one line, not a stack.
      core.setFailed(`GitHub answered HTTP ${status}: ${(error as Error).message}. Check the \`token\` input and the workflow's \`permissions:\` (contents: read, pull-requests: read).`);
      return;
    }
    core.setFailed(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
}

async function reportInvalidConfig(error: ConfigFileError): Promise<void> {
  core.setOutput('conclusion', 'failure');
  core.setOutput('findings', '0');
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  // The message quotes the config (keys, values): text specgate did not compose.
  await core.summary.addHeading('specgate: invalid configuration', 2).addRaw(`${untrustedMarkdown(error.message, { max: 2_000 })}.\n\n${untrustedMarkdown(error.fix, { max: 2_000 })}\n`, true).write();
}
