import type { ApplicationFunction, Context, Probot } from 'probot';
import { onCheckRun, onCheckSuite } from './events/checks.js';
import { onIssueComment } from './events/comment.js';
import { onMergeGroup } from './events/merge-group.js';
import { onPullRequest, onPullRequestClosed } from './events/pull-request.js';
import { onPush } from './events/push.js';
import { createEvaluator, DEFAULT_EVALUATION_TIMEOUT_MS } from './evaluate-pool.js';
import type { AppSettings } from './gate.js';
import { appBotLogin } from './identity.js';

/** Defaults for production; tests pass `issueDelayMs: 0` and a short deadline. */
export const DEFAULT_SETTINGS: AppSettings = { issueDelayMs: 1_000, evaluationTimeoutMs: DEFAULT_EVALUATION_TIMEOUT_MS };

/**
 * The specgate Probot app. Stateless: every handler reads what it needs from GitHub and
 * writes only what changed, so redeliveries and any number of replicas are safe. Documents
 * are evaluated in worker threads (`settings.evaluator`; without one, a pool whose idle
 * workers exit by themselves is created here).
 */
export function specgateApp(given: AppSettings = DEFAULT_SETTINGS): ApplicationFunction {
  return (app: Probot) => {
    const settings: AppSettings = {
      ...given,
      botLogin: given.botLogin ?? appBotLogin(app),
      evaluator: given.evaluator ?? createEvaluator({ timeoutMs: given.evaluationTimeoutMs ?? DEFAULT_EVALUATION_TIMEOUT_MS }),
    };
    app.on(['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened', 'pull_request.ready_for_review'], (context) => onPullRequest(context, settings));
    app.on('pull_request.closed', (context) => onPullRequestClosed(context, settings));
    app.on(['check_suite.requested', 'check_suite.rerequested'], (context) => onCheckSuite(context, settings));
    app.on(['check_run.rerequested', 'check_run.requested_action'], (context) => onCheckRun(context, settings));
    app.on('merge_group.checks_requested', (context) => onMergeGroup(context, settings));
    app.on('issue_comment.created', (context) => onIssueComment(context, settings));
    app.on('push', (context) => onPush(context, settings));
  };
}

/** Any Probot context: what the event handlers share. */
export type AnyContext = Context;
