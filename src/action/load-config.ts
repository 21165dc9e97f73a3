import * as core from '@actions/core';
import { parseConfig, type Config, type ConfigError } from '../engine/index.js';
import { ConfigFileError } from './errors.js';
import type { ActionInputs } from './inputs.js';

/**
 * Parses the workspace's config text (undefined when the file does not exist) and applies
 * the inputs that override it; an invalid file is a {@link configFileError}.
 */
export function loadConfig(text: string | undefined, file: string, inputs: ActionInputs): Config {
  const result = parseConfig(text);
  if (!result.ok) throw configFileError(result.errors, file);
  return withInputs(result.config, inputs);
}

/** Applies the inputs that override the config (`fail-on`, `clarification-issues`), in place. */
export function withInputs(config: Config, inputs: ActionInputs): Config {
  if (inputs.failOn) config['fail-on'] = inputs.failOn;
  if (inputs.clarificationIssues) config['clarification-issues'].mode = inputs.clarificationIssues;
  return config;
}

/**
 * One error annotation per problem, at its line, and the {@link ConfigFileError} that fails
 * the job: "invalid configuration" is a result, never a silent default.
 */
export function configFileError(errors: readonly ConfigError[], file: string): ConfigFileError {
  for (const error of errors) {
    core.error(`${error.message} at \`${error.path}\`. ${error.fix}`, { title: 'specgate: invalid configuration', file, startLine: error.line ?? 1 });
  }
  const first = errors[0];
  return new ConfigFileError(
    `Invalid configuration in \`${file}\`: ${errors.length} problem(s), the first at \`${first?.path ?? '(root)'}\`: ${first?.message ?? ''}`,
    first?.fix ?? 'See the config reference in the README.',
    errors,
  );
}
