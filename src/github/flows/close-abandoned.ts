import type { ConfigError } from '../../engine/index.js';
import { closePullRequestIssues } from '../issues/sync.js';
import { issueSettings } from '../settings.js';
import type { FlowPort, RepoInput } from './ports.js';

/** A pull request closed without merging. */
export interface CloseAbandonedInput extends RepoInput {
  number: number;
  baseSha: string;
}

/** What closing an abandoned PR's issues came to. */
export type CloseAbandonedResult =
  | { kind: 'skipped'; reason: string; invalid?: ConfigError[] }
  | { kind: 'closed'; closed: number[]; notes: readonly string[] };

/** Closes the clarification issues of a PR closed without merging, as not planned (a merged PR's are closed by the push). */
export async function closeAbandoned(port: FlowPort, input: CloseAbandonedInput): Promise<CloseAbandonedResult> {
  const loaded = await port.readConfig(Promise.resolve(input.baseSha));
  if (loaded.state === 'invalid') return { kind: 'skipped', reason: 'The config is invalid; no issue is closed until it is fixed.', invalid: loaded.errors };
  const settings = issueSettings(loaded.config);
  if (settings.mode === 'off') return { kind: 'skipped', reason: 'Clarification issues are off in the config.' };
  const closed = await port.guard.write('issues', `close the clarification issues of #${input.number}`, () => closePullRequestIssues({
    octokit: port.octokit, owner: input.owner, repo: input.repo, number: input.number, label: settings.labels[0] ?? 'specgate', botLogin: port.botLogin(),
  }));
  return { kind: 'closed', closed: closed ?? [], notes: [...port.guard.notes] };
}
