import * as core from '@actions/core';
import type { Config, Report, SourceFile } from '../engine/index.js';
import { collectMarkers } from '../github/issues/markers.js';
import { syncClarificationIssues } from '../github/issues/sync.js';
import { issueSettings } from '../github/settings.js';
import type { ActionContext } from './gate-commit.js';

/** Pause between issue creations: GitHub's secondary limits on content-creating requests. */
const CREATE_DELAY_MS = 1_000;

export interface IssueSync {
  pull: { number: number; headSha: string };
  config: Config;
  files: readonly SourceFile[];
  report: Report;
  /** `clarify` command: open issues even when the config's mode is `command`. */
  clarify: boolean;
}

/** Keeps one issue per unresolved clarification marker of the PR (see src/github/issues/sync.ts). */
export async function syncIssues(ctx: ActionContext, { pull, config, files, report, clarify }: IssueSync): Promise<void> {
  const settings = issueSettings(config, process.env.SPECGATE_ISSUE_DELAY_MS ? Number(process.env.SPECGATE_ISSUE_DELAY_MS) : CREATE_DELAY_MS);
  if (settings.mode === 'off') return;
  const markers = collectMarkers(files, report);
  const allowCreate = settings.mode === 'on-open' || clarify;
  const result = await ctx.guard.write('open or update clarification issues', 'issues: write', () =>
    syncClarificationIssues({
      octokit: ctx.octokit, owner: ctx.owner, repo: ctx.repo, pull, markers, settings, allowCreate, botLogin: ctx.inputs.botLogin,
      checkedPaths: new Set(files.map((file) => file.path)),
      ...(process.env.GITHUB_SERVER_URL ? { serverUrl: process.env.GITHUB_SERVER_URL } : {}),
    }));
  if (!result) return;
  const list = (numbers: number[]): string => numbers.map((n) => `#${n}`).join(', ') || 'none';
  core.info(`Clarification issues: opened ${list(result.created)}, updated ${list(result.updated)}, closed ${list(result.closed)}.`);
  if (result.overflow.length > 0) {
    ctx.guard.note(`${result.overflow.length} open clarification(s) have no issue (${allowCreate ? `cap of ${settings.maxPerPr} per pull request reached` : 'comment `/specgate clarify` to open them'}).`);
  }
}
