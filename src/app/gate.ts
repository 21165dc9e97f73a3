import { isGated, type Config } from '../engine/index.js';
import {
  failCheck, getPullRequest, hasSpecFolders, issueSettings, listChangedFiles, listCheckRuns, listClarificationIssues,
  publishChecks, readDocuments, readWaivers, startCheck, supersedeCheck, syncClarificationIssues,
  type CheckOutcome, type ClarificationMarker, type GitHubClient, type TrackedIssue,
} from '../github/index.js';
import { loadConfig } from './config.js';
import type { Evaluator } from './evaluate-pool.js';
import { serialize } from './serialize.js';

/** What a handler hands the gate runner. */
export interface GateContext {
  octokit: GitHubClient;
  log: { info(o: object, m?: string): void; error(o: object, m?: string): void };
  config<T>(fileName: string): Promise<T | null>;
}

export interface GateRequest {
  owner: string;
  repo: string;
  number: number;
  /** The head SHA the event is about; results for any other head are dropped. */
  headSha: string;
  /** `clarify` command or button: open issues even in `command` mode. */
  clarify?: boolean;
}

/** App-wide settings (tests shorten the issue pacing and the deadline). */
export interface AppSettings {
  issueDelayMs: number;
  /** How long one evaluation may run before the check fails (default 60 s). */
  evaluationTimeoutMs?: number;
  /** Runs the document work off the event loop; {@link specgateApp} creates one when absent. */
  evaluator?: Evaluator;
  /**
   * The App's own bot login (`<slug>[bot]`), or how to look it up: only its comments carry
   * waivers. {@link specgateApp} fills it in with a cached `GET /app` when absent.
   */
  botLogin?: string | (() => Promise<string>);
}

/** The App's bot login from the settings; with none, no comment is trusted to carry a waiver. */
export function botLoginOf(settings: AppSettings): Promise<string> {
  const { botLogin } = settings;
  if (typeof botLogin === 'function') return botLogin();
  // A login no account can have: waivers are then never read.
  return Promise.resolve(botLogin ?? ' ');
}

/** The evaluator from the settings; documents are never parsed on the event loop. */
export function evaluatorOf(settings: AppSettings): Evaluator {
  if (!settings.evaluator) throw new Error('Missing evaluator in the App settings; create the app with `specgateApp()`');
  return settings.evaluator;
}

/**
 * Gates one PR head: reads in three round trips (PR, files, runs, waivers, issues and
 * config together; documents in one GraphQL batch; the head once more before writing),
 * then writes only what changed. The `specgate` run is always concluded, even on a crash.
 */
export function gatePullRequest(context: GateContext, request: GateRequest, settings: AppSettings): Promise<void> {
  return serialize(`${request.owner}/${request.repo}@${request.headSha}`, () => gate(context, request, settings));
}

async function gate(context: GateContext, request: GateRequest, settings: AppSettings): Promise<void> {
  const { octokit } = context;
  const repoRef = { octokit, owner: request.owner, repo: request.repo };
  const [loaded, pull, changed, existing, waivers] = await Promise.all([
    loadConfig(context),
    getPullRequest({ ...repoRef, number: request.number }),
    listChangedFiles({ ...repoRef, number: request.number }),
    listCheckRuns({ ...repoRef, headSha: request.headSha }),
    readWaivers({ ...repoRef, number: request.number, botLogin: botLoginOf(settings) }),
  ]);
  const target = { ...repoRef, headSha: request.headSha, existing };
  if (pull.headSha !== request.headSha) {
    await supersedeCheck({ ...target, newHead: pull.headSha });
    return;
  }
  const { config } = loaded;
  if (loaded.state === 'missing' && existing.size === 0) {
    const touchesSpecs = changed.some((file) => isGated(file.path, config));
    if (!touchesSpecs && !(await hasSpecFolders({ ...repoRef, ref: pull.baseSha, config }))) return; // never opted in: stay silent
  }
  await startCheck(target);
  try {
    let outcome: CheckOutcome;
    if (loaded.state === 'invalid') {
      outcome = { kind: 'invalid-config', errors: loaded.errors };
    } else {
      const issues = issueSettings(config, settings.issueDelayMs);
      const [documents, tracked] = await Promise.all([
        readDocuments({ ...repoRef, headSha: pull.headSha, baseSha: pull.baseSha, changed, config }),
        issues.mode === 'off' ? [] : listClarificationIssues({ ...repoRef, label: issues.labels[0] ?? 'specgate', botLogin: botLoginOf(settings) }),
      ]);
      if (documents.changed.length === 0) {
        outcome = { kind: 'no-documents' };
      } else {
        // Parsing happens in a worker, within the deadline: a slow document stalls nobody else.
        const { report, markers } = await evaluatorOf(settings).gate({
          files: documents.files, config, base: documents.base, ...(documents.tree ? { tree: documents.tree } : {}), markers: issues.mode !== 'off',
        });
        if (documents.notes.length > 0) context.log.info({ pull: request.number, notes: documents.notes }, 'specgate read a partial repository');
        const current = await getPullRequest({ ...repoRef, number: request.number });
        if (current.headSha !== request.headSha) {
          await supersedeCheck({ ...target, newHead: current.headSha });
          return;
        }
        const overflow = await syncIssues(context, request, settings, { markers, checked: new Set(documents.files.map((f) => f.path)), config, tracked });
        outcome = { kind: 'report', report, waivers, overflow, clarify: markers.length > 0 && config['clarification-issues'].mode !== 'off', notes: documents.notes };
      }
    }
    const result = await publishChecks({ ...target, outcome });
    context.log.info({ pull: request.number, sha: request.headSha, outcome: outcome.kind, ...result }, 'specgate gated a pull request');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    context.log.error({ err: error, pull: request.number }, 'specgate failed; concluding the check as failed');
    await failCheck({ ...target, reason });
  }
}

async function syncIssues(
  context: GateContext, request: GateRequest, settings: AppSettings,
  found: { markers: ClarificationMarker[]; checked: Set<string>; config: Config; tracked: TrackedIssue[] },
): Promise<ClarificationMarker[]> {
  const issue = issueSettings(found.config, settings.issueDelayMs);
  if (issue.mode === 'off') return [];
  const base = { octokit: context.octokit, owner: request.owner, repo: request.repo };
  const result = await syncClarificationIssues({
    ...base, pull: { number: request.number, headSha: request.headSha }, markers: found.markers, checkedPaths: found.checked,
    settings: issue, allowCreate: issue.mode === 'on-open' || request.clarify === true, tracked: found.tracked, botLogin: botLoginOf(settings),
  });
  return result.overflow;
}
