import type { ConfigError } from '../engine/index.js';

/**
 * The errors the Action turns into one clear line for the user, each with the fix to apply.
 * Anything else that reaches `run()` is a bug and is reported with its stack.
 */
export class ActionError extends Error {
  /** What the user should do about it. */
  readonly fix: string;

  constructor(message: string, fix: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.fix = fix;
  }
}

/** An input value the Action cannot use. */
export class InputError extends ActionError {}

/** The event payload does not carry what the Action needs. */
export class EventError extends ActionError {}

/** The config file exists but is invalid; `errors` carries every problem with its YAML path. */
export class ConfigFileError extends ActionError {
  readonly errors: readonly ConfigError[];

  constructor(message: string, fix: string, errors: readonly ConfigError[]) {
    super(message, fix);
    this.errors = errors;
  }
}
