import type { Config } from '../engine/index.js';
import type { IssueSettings } from './issues/sync.js';

/** The config's `clarification-issues` block as {@link IssueSettings}. */
export function issueSettings(config: Config, delayMs = 1_000): IssueSettings {
  const block = config['clarification-issues'];
  return { mode: block.mode, maxPerPr: block['max-per-pr'], labels: block.labels, delayMs };
}
