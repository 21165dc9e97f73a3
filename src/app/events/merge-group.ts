import type { Context } from 'probot';
import { isGated } from '../../engine/index.js';
import {
  compareCommits, failCheck, hasSpecFolders, listCheckRuns, publishChecks, readDocuments, readWaivers, startCheck,
  type CheckOutcome, type Waiver,
} from '../../github/index.js';
import { loadConfig } from '../config.js';
import { botLoginOf, evaluatorOf, type AppSettings } from '../gate.js';

/**
 * Merge queues need `specgate` on the merge group's head SHA too, or the required check
 * never arrives. The group's changes are gated like a PR's; waivers of the queued PRs
 * (named in the queue branch, `gh-readonly-queue/main/pr-123-<sha>`) still apply.
 */
export async function onMergeGroup(context: Context<'merge_group.checks_requested'>, settings: AppSettings): Promise<void> {
  const { merge_group: group, repository } = context.payload;
  if (!repository) return;
  const repoRef = { octokit: context.octokit, owner: repository.owner.login, repo: repository.name };
  const [loaded, changed, existing] = await Promise.all([
    loadConfig(context),
    compareCommits({ ...repoRef, base: group.base_sha, head: group.head_sha }),
    listCheckRuns({ ...repoRef, headSha: group.head_sha }),
  ]);
  const { config } = loaded;
  if (loaded.state === 'missing' && !changed.some((file) => isGated(file.path, config)) && !(await hasSpecFolders({ ...repoRef, ref: group.base_sha, config }))) return;
  const target = { ...repoRef, headSha: group.head_sha, existing };
  await startCheck(target);
  try {
    let outcome: CheckOutcome;
    if (loaded.state === 'invalid') outcome = { kind: 'invalid-config', errors: loaded.errors };
    else {
      const numbers = [...group.head_ref.matchAll(/pr-(\d+)-/g)].map((match) => Number(match[1]));
      const [documents, ...waiverLists] = await Promise.all([
        readDocuments({ ...repoRef, headSha: group.head_sha, baseSha: group.base_sha, changed, config }),
        ...numbers.map((number) => readWaivers({ ...repoRef, number, botLogin: botLoginOf(settings) })),
      ]);
      const waivers = (waiverLists as Waiver[][]).flat();
      if (documents.changed.length === 0) outcome = { kind: 'no-documents' };
      else {
        const { report } = await evaluatorOf(settings).gate({ files: documents.files, config, base: documents.base, ...(documents.tree ? { tree: documents.tree } : {}), markers: false });
        outcome = { kind: 'report', report, waivers, notes: documents.notes };
      }
    }
    await publishChecks({ ...target, outcome });
  } catch (error) {
    context.log.error({ err: error }, 'specgate failed on a merge group; concluding the check as failed');
    await failCheck({ ...target, reason: error instanceof Error ? error.message : String(error) });
  }
}
