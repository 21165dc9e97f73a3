import { EOL } from 'node:os';
import { InputError } from './errors.js';
import { readInputs } from './inputs.js';

/**
 * Checks the inputs before the rest of the Action is imported. A bad input fails the job
 * here, with the line `run()` would print (`core.setFailed`'s `::error::` command); anything
 * else is left to `run()`. Returns whether the Action should go on.
 */
export function preflight(): boolean {
  try {
    readInputs();
    return true;
  } catch (error) {
    if (!(error instanceof InputError)) return true;
    process.stdout.write(`::error::${escapeData(`${error.message}. ${error.fix}`)}${EOL}`);
    process.exitCode = 1;
    return false;
  }
}

/** The escaping of a workflow command's data, as in @actions/core. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
