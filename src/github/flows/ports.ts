import type { Config, ConfigError } from '../../engine/index.js';
import type { GitHubClient } from '../client.js';
import type { Evaluator } from './evaluate.js';
import type { HeadLock } from './serialize.js';
import type { WriteGuard } from './write-guard.js';

/** The repository's config: absent (never opted in by config), valid, or invalid with errors. */
export type LoadedConfig =
  | { state: 'missing'; config: Config }
  | { state: 'valid'; config: Config }
  | { state: 'invalid'; config: Config; errors: ConfigError[] };

/** Structured log lines: pino in the App, the job log in the Action. */
export interface FlowLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/**
 * What a shell hands every use case: the GitHub client, how it reads config, where log
 * lines go, how documents are evaluated and the one write policy. Everything else a use
 * case takes is plain data about the event.
 */
export interface FlowPort {
  octokit: GitHubClient;
  /**
   * The config for a run whose base is `ref` (resolved lazily: the App reads the default
   * branch and never waits for it; the Action reads at the base), `_extends` followed.
   */
  readConfig(ref: PromiseLike<string>): Promise<LoadedConfig>;
  log: FlowLog;
  evaluator: Evaluator;
  guard: WriteGuard;
  /** specgate's own login (`<slug>[bot]`, `github-actions[bot]`): only its comments carry waivers. */
  botLogin(): Promise<string>;
  /** Pause between issue creations (GitHub's secondary limits on content creation). */
  issueDelayMs: number;
  /** The web root for links in issues (GHES too); no link when absent. */
  serverUrl?: string;
  /** Where a check run's "Details" link points (the Action's workflow run). */
  detailsUrl?: string;
  /** Held around gating a head; the in-process lock when absent (the Action, one App replica). */
  lock?: HeadLock;
  /**
   * The bound on one gating's work, in ms (90 s when absent, see ./conclude.ts): at the
   * deadline `specgate` is concluded failed with the reason, whatever request still hangs.
   */
  deadlineMs?: number;
}

/** A repository, as every use case addresses it. */
export interface RepoInput {
  owner: string;
  repo: string;
}
