import { createOnce, listAll, mayHaveLanded, rest, sleep, type GitHubClient, type RepoRef } from '../client.js';
import { CHECK_NAME, planChecks, planDuplicate, planIdleGate, type Annotation, type CheckOutcome, type CheckPlan } from './plan.js';

/** A check run already on the commit. */
export interface ExistingRun {
  id: number;
  name: string;
  status: 'queued' | 'in_progress' | 'completed' | string;
  conclusion: string | null;
  summary: string;
  annotationsCount: number;
  /** The run's page, which its duplicates link to. */
  url?: string;
  /** Younger runs of the same name on the commit, oldest first: duplicates (see {@link listCheckRuns}). */
  duplicates?: ExistingRun[];
  /** Created by this gating: another gating may have created the same run at the same moment. */
  createdHere?: boolean;
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
  html_url?: string | null;
  output?: { summary?: string | null; annotations_count?: number };
}

/**
 * specgate's runs on a commit, one entry per name: the OLDEST run of that name, with the
 * younger ones, if any, as its `duplicates`.
 *
 * Duplicates happen without a lock shared by every replica (one replica per process,
 * serverless, or Redis down): two gatings of one head that start together both find no run
 * and both create one. Runs cannot be deleted, and GitHub's checks list and branch
 * protection show the NEWEST run of a name. Every writer must pick the same run to carry the
 * result without talking to the others, so the choice is the oldest: it never changes once
 * made (ids only grow, a run made later is always younger), while "the newest" would move
 * each time another duplicate appeared, and its annotations, which can be neither moved nor
 * deleted, could not follow. The oldest carries the full result (summary, annotations); each
 * younger duplicate is brought to the same conclusion and title, with a summary pointing to
 * the oldest and the oldest's fingerprint in its own (so it is rewritten only when the result
 * changes). Whichever run GitHub shows on the required check, it shows the same result, and a
 * duplicate left `in_progress` by a gating that died is concluded by the next one.
 *
 * Listed with `filter=all`: GitHub's default (`filter=latest`) lists only the newest run of
 * each name and so hides exactly the runs this has to find.
 */
export async function listCheckRuns({ octokit, owner, repo, headSha }: CheckTarget): Promise<Map<string, ExistingRun>> {
  const runs = await listAll<RawRun>(octokit, 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { owner, repo, ref: headSha, filter: 'all' }, pickRuns);
  return groupRuns(runs);
}

function pickRuns(data: unknown): RawRun[] {
  return (data as { check_runs: RawRun[] }).check_runs;
}

/** specgate's runs by name, oldest first, the younger ones of a name as its duplicates. */
function groupRuns(runs: readonly RawRun[]): Map<string, ExistingRun> {
  const byName = new Map<string, ExistingRun>();
  for (const run of [...runs].sort((a, b) => a.id - b.id)) {
    if (run.name !== CHECK_NAME && !run.name.startsWith(`${CHECK_NAME} / `)) continue;
    const entry: ExistingRun = {
      id: run.id, name: run.name, status: run.status, conclusion: run.conclusion,
      summary: run.output?.summary ?? '', annotationsCount: run.output?.annotations_count ?? 0, ...(run.html_url ? { url: run.html_url } : {}),
    };
    const first = byName.get(run.name);
    if (first) (first.duplicates ??= []).push(entry);
    else byName.set(run.name, entry);
  }
  return byName;
}

/** The runs of one name on the commit (the oldest, with its duplicates), or `undefined`. */
async function findRun(target: CheckTarget, name: string): Promise<ExistingRun | undefined> {
  const { octokit, owner, repo, headSha } = target;
  const runs = await listAll<RawRun>(octokit, 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { owner, repo, ref: headSha, check_name: name, filter: 'all' }, pickRuns);
  return groupRuns(runs).get(name);
}

/**
 * Creates a run of `name`, never twice: a create answered 5xx or timed out is looked up by
 * name and head SHA before it is sent again (see {@link createOnce}). A run found that way
 * (this create's, landed after all, or another gating's) is returned instead.
 */
async function createRun(target: CheckTarget, name: string, body: Record<string, unknown>): Promise<{ created: number } | { found: ExistingRun }> {
  const made = await createOnce<{ id: number }, ExistingRun>(target.octokit, 'POST /repos/{owner}/{repo}/check-runs', {
    owner: target.owner, repo: target.repo, name, head_sha: target.headSha, ...body, ...(target.detailsUrl ? { details_url: target.detailsUrl } : {}),
  }, { find: () => findRun(target, name) });
  return 'created' in made ? { created: made.created.id } : { found: { ...made.found, createdHere: true } };
}

/** Shows the aggregate as `in_progress` when the commit has none yet; returns its id. */
export async function startCheck(target: CheckTarget & { existing: Map<string, ExistingRun> }): Promise<number> {
  const current = target.existing.get(CHECK_NAME);
  if (current) return current.id;
  const made = await createRun(target, CHECK_NAME, {
    status: 'in_progress', output: { title: 'Checking spec documents', summary: 'specgate is reading the changed documents.' },
  });
  const run = 'found' in made ? made.found : { id: made.created, name: CHECK_NAME, status: 'in_progress', conclusion: null, summary: '', annotationsCount: 0, createdHere: true };
  target.existing.set(CHECK_NAME, run);
  return run.id;
}

export interface PublishResult {
  written: number;
  unchanged: number;
}

/**
 * Brings every run for the commit to the outcome: skipped when its hidden fingerprint
 * already matches (a redelivery writes nothing), updated when it exists (never a second
 * run of the same name), created otherwise. Gate runs from an earlier outcome that no
 * longer has gates are neutralised rather than left stale. When this gating created a run,
 * the commit's runs are listed once more afterwards: a gating of the same head running at the
 * same time (another replica, no shared lock) may have created the same names, and the
 * duplicates are brought in line (see {@link listCheckRuns}).
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
  // Gates first, the aggregate last: whoever waits on `specgate` sees the details already there.
  return writePlans(target, [...plans.slice(1), plans[0]!], existing);
}

async function writePlans(target: CheckTarget, plans: readonly CheckPlan[], existing: Map<string, ExistingRun>): Promise<PublishResult> {
  const result: PublishResult = { written: 0, unchanged: 0 };
  for (const plan of plans) {
    const written = await writePlan(target, plan, existing);
    result.written += written;
    if (written === 0) result.unchanged += 1;
  }
  result.written += await settleDuplicates(target, plans, existing);
  return result;
}

/**
 * After this gating created runs, lists the commit's runs again and writes each plan whose
 * name now has duplicates: the full result on the oldest, the pointer on the younger ones.
 * Of two gatings that each created a run of a name, the one that created the younger run
 * lists after its create and so always finds the older one. Returns the writes made.
 */
async function settleDuplicates(target: CheckTarget, plans: readonly CheckPlan[], existing: Map<string, ExistingRun>): Promise<number> {
  if (![...existing.values()].some((run) => run.createdHere)) return 0;
  const fresh = await listCheckRuns(target);
  let written = 0;
  for (const plan of plans) {
    if ((fresh.get(plan.name)?.duplicates?.length ?? 0) > 0) written += await writePlan(target, plan, fresh);
  }
  for (const [name, run] of fresh) existing.set(name, run);
  return written;
}

/** Writes `plan` on the oldest run of its name (creating it when there is none) and its pointer on every younger duplicate; returns the writes made. */
async function writePlan(target: CheckTarget, plan: CheckPlan, existing: Map<string, ExistingRun>): Promise<number> {
  let first = existing.get(plan.name);
  let writes: number;
  if (first) {
    writes = await writeRun(target, plan, first);
  } else {
    const made = await createRun(target, plan.name, requestBody(plan, plan.annotations.slice(0, ANNOTATION_BATCH)));
    if ('created' in made) {
      first = { id: made.created, name: plan.name, status: 'completed', conclusion: plan.conclusion, summary: plan.summary, annotationsCount: plan.annotations.length, createdHere: true };
      writes = 1 + (await appendAnnotations(target, plan, made.created, plan.annotations.slice(ANNOTATION_BATCH)));
    } else {
      // The create counts as a write, whether it landed or another gating's run was found.
      first = made.found;
      writes = 1 + (await writeRun(target, plan, first));
    }
    existing.set(plan.name, first);
  }
  for (const duplicate of first.duplicates ?? []) writes += await writeRun(target, planDuplicate(plan, first), duplicate);
  return writes;
}

function requestBody(plan: CheckPlan, batch: readonly Annotation[]): Record<string, unknown> {
  return { status: 'completed', conclusion: plan.conclusion, output: outputOf(plan, batch), actions: plan.actions };
}

function outputOf(plan: CheckPlan, batch: readonly Annotation[]): Record<string, unknown> {
  return { title: plan.title, summary: plan.summary, ...(batch.length > 0 ? { annotations: batch } : {}) };
}

/** Updates an existing run to `plan`, unless it already shows it; returns the writes made. */
async function writeRun(target: CheckTarget, plan: CheckPlan, run: ExistingRun): Promise<number> {
  const carries = run.annotationsCount >= plan.annotations.length;
  if (run.status === 'completed' && run.conclusion === plan.conclusion && carries && run.summary.includes(`specgate:fingerprint ${plan.fingerprint} `)) return 0;
  const annotations = await annotationsToSend(target, plan, run);
  await updateRun(target, run.id, annotations.slice(0, ANNOTATION_BATCH), (batch) => requestBody(plan, batch));
  return 1 + (await appendAnnotations(target, plan, run.id, annotations.slice(ANNOTATION_BATCH)));
}

/** Sends further annotations in batches of 50 (each update appends); returns the writes made. */
async function appendAnnotations(target: CheckTarget, plan: CheckPlan, id: number, annotations: readonly Annotation[]): Promise<number> {
  let writes = 0;
  for (let i = 0; i < annotations.length; i += ANNOTATION_BATCH) {
    await updateRun(target, id, annotations.slice(i, i + ANNOTATION_BATCH), (batch) => ({ output: outputOf(plan, batch) }));
    writes += 1;
  }
  return writes;
}

/**
 * One update of a run. Without annotations an update is idempotent and Octokit's retries
 * apply. With annotations it is not (they append): each attempt goes out once, and after an
 * answer that leaves it unknown whether it landed (5xx, a timeout) the run's annotations are
 * read and only the ones still missing are sent again (the update lands whole or not at all,
 * so none missing means it landed). At most three attempts, as for a create.
 */
async function updateRun(target: CheckTarget, id: number, batch: readonly Annotation[], body: (batch: readonly Annotation[]) => Record<string, unknown>): Promise<void> {
  const route = 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}';
  const where = { owner: target.owner, repo: target.repo, check_run_id: id };
  if (batch.length === 0) {
    await rest(target.octokit, route, { ...where, ...body(batch) });
    return;
  }
  let pending = batch;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await target.octokit.request(route, { ...where, ...body(pending), request: { retries: 0 } });
      return;
    } catch (error) {
      if (!mayHaveLanded(error) || attempt >= 3) throw error;
    }
    await sleep(500);
    const present = new Set((await listAnnotations(target, id)).map(annotationKey));
    pending = pending.filter((annotation) => !present.has(annotationKey(annotation)));
    if (pending.length === 0) return;
  }
}

function listAnnotations(target: CheckTarget, id: number): Promise<Annotation[]> {
  return listAll<Annotation>(target.octokit, 'GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations', { owner: target.owner, repo: target.repo, check_run_id: id });
}

/**
 * Annotations append on every update and cannot be deleted, so an existing run only gets
 * the ones it does not carry yet (a run is updated, never duplicated; an annotation from
 * an earlier result on the same commit may remain, the summary is always current). The
 * summary's annotations fingerprint is trusted only when the run carries as many
 * annotations as the plan: an update cut short between batches is completed.
 */
async function annotationsToSend(target: CheckTarget, plan: CheckPlan, run: ExistingRun): Promise<Annotation[]> {
  if (plan.annotations.length === 0) return [];
  if (run.annotationsCount === 0) return plan.annotations;
  if (run.annotationsCount >= plan.annotations.length && run.summary.includes(`annotations:${plan.annotationsFingerprint} `)) return [];
  const present = await listAnnotations(target, run.id);
  const seen = new Set(present.map(annotationKey));
  return plan.annotations.filter((annotation) => !seen.has(annotationKey(annotation)));
}

function annotationKey(annotation: Annotation): string {
  return [annotation.path, annotation.start_line, annotation.end_line, annotation.annotation_level, annotation.title, annotation.message].join('\u0000');
}

/** Last resort: ends the aggregate run (and any duplicate of it) as failed with the reason, so no run stays `in_progress`. */
export async function failCheck(target: CheckTarget & { reason: string; existing?: Map<string, ExistingRun> }): Promise<void> {
  const existing = target.existing ?? (await listCheckRuns(target));
  const [plan] = planChecks({ kind: 'error', reason: target.reason });
  await writePlans(target, [plan!], existing);
}

/** Ends an `in_progress` aggregate (and any duplicate of it) on a commit that is no longer the PR head. */
export async function supersedeCheck(target: CheckTarget & { existing: Map<string, ExistingRun>; newHead: string }): Promise<void> {
  const first = target.existing.get(CHECK_NAME);
  for (const run of first ? [first, ...(first.duplicates ?? [])] : []) {
    if (run.status === 'completed') continue;
    await rest(target.octokit, 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
      owner: target.owner, repo: target.repo, check_run_id: run.id, status: 'completed', conclusion: 'neutral',
      output: { title: 'Superseded', summary: `A newer commit (\`${target.newHead}\`) is the head of the pull request; its checks carry the result.` },
    });
  }
}
