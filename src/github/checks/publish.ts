import { listAll, rest, type GitHubClient, type RepoRef } from '../client.js';
import { CHECK_NAME, planChecks, planIdleGate, type Annotation, type CheckOutcome, type CheckPlan } from './plan.js';

/** A check run already on the commit. */
export interface ExistingRun {
  id: number;
  name: string;
  status: 'queued' | 'in_progress' | 'completed' | string;
  conclusion: string | null;
  summary: string;
  annotationsCount: number;
}

export interface CheckTarget extends RepoRef {
  octokit: GitHubClient;
  headSha: string;
  detailsUrl?: string;
}

/** Annotations per request: the Checks API takes at most 50. */
export const ANNOTATION_BATCH = 50;

interface RawRun {
  id: number;
  name: string;
  status: string;
  conclusion: string | null;
  output?: { summary?: string | null; annotations_count?: number };
}

/** specgate's runs on a commit, the latest per name. */
export async function listCheckRuns({ octokit, owner, repo, headSha }: CheckTarget): Promise<Map<string, ExistingRun>> {
  const runs = await listAll<RawRun>(octokit, 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { owner, repo, ref: headSha }, (data) => (data as { check_runs: RawRun[] }).check_runs);
  const byName = new Map<string, ExistingRun>();
  // Oldest first, so the newest run of a name wins (the one GitHub shows).
  for (const run of [...runs].sort((a, b) => a.id - b.id)) {
    if (run.name !== CHECK_NAME && !run.name.startsWith(`${CHECK_NAME} / `)) continue;
    byName.set(run.name, {
      id: run.id, name: run.name, status: run.status, conclusion: run.conclusion,
      summary: run.output?.summary ?? '', annotationsCount: run.output?.annotations_count ?? 0,
    });
  }
  return byName;
}

/** Shows the aggregate as `in_progress` when the commit has none yet; returns its id. */
export async function startCheck(target: CheckTarget & { existing: Map<string, ExistingRun> }): Promise<number> {
  const current = target.existing.get(CHECK_NAME);
  if (current) return current.id;
  const created = await rest<{ id: number }>(target.octokit, 'POST /repos/{owner}/{repo}/check-runs', {
    owner: target.owner, repo: target.repo, name: CHECK_NAME, head_sha: target.headSha, status: 'in_progress',
    output: { title: 'Checking spec documents', summary: 'specgate is reading the changed documents.' },
    ...(target.detailsUrl ? { details_url: target.detailsUrl } : {}),
  });
  target.existing.set(CHECK_NAME, { id: created.id, name: CHECK_NAME, status: 'in_progress', conclusion: null, summary: '', annotationsCount: 0 });
  return created.id;
}

export interface PublishResult {
  written: number;
  unchanged: number;
}

/**
 * Brings every run for the commit to the outcome: skipped when its hidden fingerprint
 * already matches (a redelivery writes nothing), updated when it exists (never a second
 * run of the same name), created otherwise. Gate runs from an earlier outcome that no
 * longer has gates are neutralised rather than left stale.
 */
export async function publishChecks(target: CheckTarget & { outcome: CheckOutcome; existing?: Map<string, ExistingRun> }): Promise<PublishResult> {
  const existing = target.existing ?? (await listCheckRuns(target));
  const plans = planChecks(target.outcome);
  if (target.outcome.kind !== 'report') {
    for (const run of existing.values()) {
      if (run.name === CHECK_NAME || plans.some((plan) => plan.name === run.name)) continue;
      plans.push(planIdleGate(run.name, target.outcome));
    }
  }
  const result: PublishResult = { written: 0, unchanged: 0 };
  // Gates first, the aggregate last: whoever waits on `specgate` sees the details already there.
  for (const plan of [...plans.slice(1), plans[0]!]) {
    const written = await writeRun(target, plan, existing.get(plan.name));
    result.written += written;
    if (written === 0) result.unchanged += 1;
  }
  return result;
}

async function writeRun(target: CheckTarget, plan: CheckPlan, run: ExistingRun | undefined): Promise<number> {
  if (run?.status === 'completed' && run.conclusion === plan.conclusion && run.summary.includes(`specgate:fingerprint ${plan.fingerprint} `)) return 0;
  const annotations = await annotationsToSend(target, plan, run);
  const base = { owner: target.owner, repo: target.repo };
  const output = (batch: typeof annotations) => ({ title: plan.title, summary: plan.summary, ...(batch.length > 0 ? { annotations: batch } : {}) });
  const first = annotations.slice(0, ANNOTATION_BATCH);
  const body = { status: 'completed', conclusion: plan.conclusion, output: output(first), actions: plan.actions };
  let id: number;
  if (run) {
    await rest(target.octokit, 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { ...base, check_run_id: run.id, ...body });
    id = run.id;
  } else {
    const created = await rest<{ id: number }>(target.octokit, 'POST /repos/{owner}/{repo}/check-runs', {
      ...base, name: plan.name, head_sha: target.headSha, ...body, ...(target.detailsUrl ? { details_url: target.detailsUrl } : {}),
    });
    id = created.id;
  }
  let writes = 1;
  for (let i = ANNOTATION_BATCH; i < annotations.length; i += ANNOTATION_BATCH) {
    await rest(target.octokit, 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { ...base, check_run_id: id, output: output(annotations.slice(i, i + ANNOTATION_BATCH)) });
    writes += 1;
  }
  return writes;
}

/**
 * Annotations append on every update and cannot be deleted, so an existing run only gets
 * the ones it does not carry yet (a run is updated, never duplicated; an annotation from
 * an earlier result on the same commit may remain, the summary is always current).
 */
async function annotationsToSend(target: CheckTarget, plan: CheckPlan, run: ExistingRun | undefined): Promise<Annotation[]> {
  if (!run || run.annotationsCount === 0) return plan.annotations;
  if (run.summary.includes(`annotations:${plan.annotationsFingerprint} `)) return [];
  const present = await listAll<Annotation>(target.octokit, 'GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations', { owner: target.owner, repo: target.repo, check_run_id: run.id });
  const seen = new Set(present.map(annotationKey));
  return plan.annotations.filter((annotation) => !seen.has(annotationKey(annotation)));
}

function annotationKey(annotation: Annotation): string {
  return [annotation.path, annotation.start_line, annotation.end_line, annotation.annotation_level, annotation.title, annotation.message].join('\u0000');
}

/** Last resort: ends the aggregate run as failed with the reason, so no run stays `in_progress`. */
export async function failCheck(target: CheckTarget & { reason: string; existing?: Map<string, ExistingRun> }): Promise<void> {
  const existing = target.existing ?? (await listCheckRuns(target));
  const [plan] = planChecks({ kind: 'error', reason: target.reason });
  await writeRun(target, plan!, existing.get(CHECK_NAME));
}

/** Ends an `in_progress` aggregate on a commit that is no longer the PR head. */
export async function supersedeCheck(target: CheckTarget & { existing: Map<string, ExistingRun>; newHead: string }): Promise<void> {
  const run = target.existing.get(CHECK_NAME);
  if (!run || run.status === 'completed') return;
  await rest(target.octokit, 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
    owner: target.owner, repo: target.repo, check_run_id: run.id, status: 'completed', conclusion: 'neutral',
    output: { title: 'Superseded', summary: `A newer commit (\`${target.newHead}\`) is the head of the pull request; its checks carry the result.` },
  });
}
