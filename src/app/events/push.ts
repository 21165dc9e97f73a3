import type { Context } from 'probot';
import { untrustedCode, type SourceFile } from '../../engine/index.js';
import {
  CONFIG_PATH, closeIssue, fetchObjects, findPullRequestsForSha, getPullRequest, listClarificationIssues, type TrackedIssue,
} from '../../github/index.js';
import { loadConfig } from '../config.js';
import { botLoginOf, evaluatorOf, gatePullRequest, type AppSettings } from '../gate.js';

/**
 * A push to the default branch: when the config or the constitution changed, every open
 * PR is gated again (they are judged by the base's rules); clarification issues of merged
 * PRs whose marker is gone from the default branch are closed.
 */
export async function onPush(context: Context<'push'>, settings: AppSettings): Promise<void> {
  const { payload } = context;
  if (payload.ref !== `refs/heads/${payload.repository.default_branch}` || payload.deleted) return;
  const owner = payload.repository.owner?.login ?? payload.repository.full_name.split('/')[0]!;
  const repo = payload.repository.name;
  const touched = new Set(payload.commits.flatMap((commit) => [...(commit.added ?? []), ...(commit.modified ?? []), ...(commit.removed ?? [])]));
  const loaded = await loadConfig(context);
  if (loaded.state === 'missing' && !touched.has(CONFIG_PATH)) return;
  const { config } = loaded;
  if (touched.has(CONFIG_PATH) || config.constitution.some((path) => touched.has(path))) {
    for (const pull of await findPullRequestsForSha({ octokit: context.octokit, owner, repo })) {
      await gatePullRequest(context, { owner, repo, number: pull.number, headSha: pull.headSha }, settings);
    }
  }
  const block = config['clarification-issues'];
  if (block.mode === 'off') return;
  const tracked = await listClarificationIssues({ octokit: context.octokit, owner, repo, label: block.labels[0] ?? 'specgate', botLogin: botLoginOf(settings) });
  const candidates = tracked.filter((issue) => issue.state === 'open' && touched.has(issue.meta.path));
  if (candidates.length > 0) await closeResolved(context, { owner, repo, sha: payload.after, candidates, settings });
}

async function closeResolved(context: Context<'push'>, input: { owner: string; repo: string; sha: string; candidates: TrackedIssue[]; settings: AppSettings }): Promise<void> {
  const { owner, repo, sha } = input;
  const octokit = context.octokit;
  const paths = [...new Set(input.candidates.map((issue) => issue.meta.path))];
  const [objects, states] = await Promise.all([
    fetchObjects({ octokit, owner, repo, requests: paths.map((path) => ({ expression: `${sha}:${path}` })) }),
    Promise.all([...new Set(input.candidates.map((issue) => issue.meta.pr))].map(async (number) => [number, await getPullRequest({ octokit, owner, repo, number })] as const)),
  ]);
  const files: SourceFile[] = [];
  paths.forEach((path, i) => {
    const object = objects[i];
    const text = object?.type === 'blob' ? object.blob.text : null;
    if (text !== null && text !== undefined) files.push({ path, content: text });
  });
  // Parsed in a worker, like every document: the event loop stays free.
  const keys = new Set(await evaluatorOf(input.settings).markerKeys(files));
  const closedPulls = new Set(states.filter(([, pull]) => pull.state === 'closed').map(([number]) => number));
  for (const issue of input.candidates) {
    // Open PRs keep their issues in step themselves; only merged work is judged on the default branch.
    if (!closedPulls.has(issue.meta.pr) || keys.has(issue.meta.key)) continue;
    await closeIssue({ octokit, owner, repo }, issue, 'completed', `The clarification is resolved on the default branch: the marker is gone from ${untrustedCode(issue.meta.path, { max: 300 })} in ${sha}.`);
  }
}
