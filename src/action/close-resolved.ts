import * as core from '@actions/core';
import { evaluate } from '../engine/index.js';
import { fetchObjects } from '../github/read/blobs.js';
import { collectMarkers } from '../github/issues/markers.js';
import { untrustedCode, untrustedLog } from '../engine/report/index.js';
import { closeIssue, closePullRequestIssues } from '../github/issues/sync.js';
import { listClarificationIssues } from '../github/issues/tracked.js';
import { issueSettings } from '../github/settings.js';
import { readConfig, type ActionContext } from './gate-commit.js';

/**
 * `push` to the default branch: closes every open clarification issue whose marker is gone
 * from its file at the pushed commit (answered in the spec, or the file removed).
 * Issues whose marker is still there stay open; nothing is gated or failed.
 */
export async function closeResolved(ctx: ActionContext, push: { after: string }): Promise<void> {
  const config = await readConfig(ctx, push.after);
  const settings = issueSettings(config);
  core.setOutput('conclusion', 'neutral');
  core.setOutput('findings', '0');
  if (settings.mode === 'off') return core.info('Clarification issues are off in the config; nothing to close.');
  const open = (await listClarificationIssues({ ...ctx, label: settings.labels[0] ?? 'specgate', botLogin: ctx.inputs.botLogin })).filter((issue) => issue.state === 'open');
  if (open.length === 0) return core.info('No open clarification issues.');

  const paths = [...new Set(open.map((issue) => issue.meta.path))];
  const blobs = await fetchObjects({ ...ctx, requests: paths.map((path) => ({ expression: `${push.after}:${path}` })) });
  const files = paths.flatMap((path, i) => {
    const result = blobs[i];
    return result?.type === 'blob' && result.blob.text !== null ? [{ path, content: result.blob.text }] : [];
  });
  const present = new Set(collectMarkers(files, evaluate({ files, config })).map((marker) => marker.key));
  let closed = 0;
  for (const issue of open) {
    if (present.has(issue.meta.key)) continue;
    const path = untrustedCode(issue.meta.path, { max: 300 });
    const where = files.some((file) => file.path === issue.meta.path) ? `the marker is gone from ${path}` : `${path} no longer exists`;
    const done = await ctx.guard.write(`close issue #${issue.number}`, 'issues: write', async () => {
      await closeIssue(ctx, issue, 'completed', `Resolved on the default branch: ${where} in ${push.after}.`);
      return true;
    });
    if (done) closed += 1;
  }
  core.info(`Closed ${closed} of ${open.length} open clarification issue(s); ${open.length - closed} still have their marker.`);
  for (const note of ctx.guard.notes) core.info(untrustedLog(note));
}

/** A PR closed without merging: its clarification issues are no longer needed (closed as not planned). */
export async function closeAbandoned(ctx: ActionContext, pull: { number: number; baseSha: string }): Promise<void> {
  const settings = issueSettings(await readConfig(ctx, pull.baseSha));
  core.setOutput('conclusion', 'neutral');
  core.setOutput('findings', '0');
  if (settings.mode === 'off') return;
  const closed = await ctx.guard.write(`close the clarification issues of #${pull.number}`, 'issues: write', () =>
    closePullRequestIssues({ ...ctx, number: pull.number, label: settings.labels[0] ?? 'specgate', botLogin: ctx.inputs.botLogin }));
  core.info(closed ? `Closed ${closed.length} clarification issue(s) of #${pull.number} as not planned.` : untrustedLog(ctx.guard.notes.join('\n')));
}
