import * as core from '@actions/core';
import { parseConfig, type Config, type ConfigError } from '../engine/index.js';
import { ConfigFileError } from './errors.js';
import type { ActionInputs } from './inputs.js';

/**
 * Parses the config text (undefined when the file does not exist) and applies the inputs
 * that override it. An invalid file becomes one error annotation per problem, at its line,
 * and a {@link ConfigFileError}: "invalid configuration" is a result, never a silent default.
 */
export function loadConfig(text: string | undefined, file: string, inputs: ActionInputs): Config {
  const result = parseConfig(text);
  if (!result.ok) {
    annotateConfigErrors(result.errors, file);
    const first = result.errors[0];
    throw new ConfigFileError(
      `Invalid configuration in \`${file}\`: ${result.errors.length} problem(s), the first at \`${first?.path ?? '(root)'}\`: ${first?.message ?? ''}`,
      first?.fix ?? 'See the config reference in the README.',
      result.errors,
    );
  }
  const config = result.config;
  if (inputs.failOn) config['fail-on'] = inputs.failOn;
  if (inputs.clarificationIssues) config['clarification-issues'].mode = inputs.clarificationIssues;
  return config;
}

function annotateConfigErrors(errors: readonly ConfigError[], file: string): void {
  for (const error of errors) {
    core.error(`${error.message} at \`${error.path}\`. ${error.fix}`, {
      title: 'specgate: invalid configuration',
      file,
      startLine: error.line ?? 1,
    });
  }
}
