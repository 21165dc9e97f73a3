import type { CheckRunsMode } from '../github/flows/index.js';
import { InputError } from './errors.js';

export type IssuesMode = 'on-open' | 'command' | 'off';

/** The Action's inputs (action.yml), validated. */
export interface ActionInputs {
  token: string;
  config: string;
  failOn?: 'error' | 'warning';
  checkRuns: CheckRunsMode;
  /** Overrides the config's `clarification-issues.mode` when set. */
  clarificationIssues?: IssuesMode;
  sarifFile?: string;
  /** Gate the checked-out workspace under this folder instead of a pull request. */
  path?: string;
  dryRun: boolean;
  /** The account the token writes as; waiver records are trusted only in its comments. */
  botLogin: string;
}

/** What the workflow's default `github.token` writes as. */
export const DEFAULT_BOT_LOGIN = 'github-actions[bot]';

/**
 * An input as @actions/core's `getInput` reads it (`INPUT_<NAME>`, trimmed), without loading
 * @actions/core, so that inputs are checked before the rest of the Action is imported.
 */
function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** Reads and validates every input; a bad value is an {@link InputError} naming the input. */
export function readInputs(): ActionInputs {
  const failOn = oneOf('fail-on', ['', 'error', 'warning'] as const);
  const issues = oneOf('clarification-issues', ['', 'on-open', 'command', 'off'] as const);
  const sarifFile = getInput('sarif-file');
  const path = getInput('path');
  return {
    token: getInput('token'),
    config: getInput('config') || '.github/specgate.yml',
    ...(failOn ? { failOn } : {}),
    checkRuns: oneOf('check-runs', ['auto', 'always', 'never'] as const, 'auto'),
    ...(issues ? { clarificationIssues: issues } : {}),
    ...(sarifFile ? { sarifFile } : {}),
    ...(path ? { path } : {}),
    dryRun: readBoolean('dry-run'),
    botLogin: readBotLogin(),
  };
}

function readBotLogin(): string {
  const value = getInput('bot-login').trim() || DEFAULT_BOT_LOGIN;
  if (/^[A-Za-z0-9-]+(\[bot\])?$/.test(value)) return value;
  throw new InputError(`Unexpected value \`${value}\` for input \`bot-login\``, 'Use the login the token writes comments as, such as `github-actions[bot]` or `my-app[bot]`.');
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback?: T): T {
  const value = getInput(name).trim().toLowerCase() || fallback || '';
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const shown = allowed.filter(Boolean).map((v) => `\`${v}\``).join(', ');
  throw new InputError(`Unexpected value \`${value}\` for input \`${name}\``, `Use one of: ${shown}.`);
}

function readBoolean(name: string): boolean {
  const value = getInput(name).trim().toLowerCase();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new InputError(`Unexpected value \`${value}\` for input \`${name}\``, 'Use `true` or `false`.');
}
