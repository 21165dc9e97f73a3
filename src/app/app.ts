import type { ApplicationFunction, Probot } from 'probot';
import { appBotLogin, type GitHubClient } from '../github/flows/index.js';
import { createEvaluator, DEFAULT_EVALUATION_TIMEOUT_MS, type Evaluator, type EvaluatorOptions } from '../github/flows/evaluate-pool.js';
import { APP_EVENTS, onEvent } from './handlers.js';
import type { AppSettings } from './port.js';

/** Defaults for production; tests pass `issueDelayMs: 0` and a short deadline. */
export const DEFAULT_SETTINGS: AppSettings = { issueDelayMs: 1_000, evaluationTimeoutMs: DEFAULT_EVALUATION_TIMEOUT_MS };

/**
 * The specgate Probot app: each event mapped to one use case of src/github/flows. Stateless:
 * every use case reads what it needs from GitHub and writes only what changed, so
 * redeliveries and any number of replicas are safe. Documents are evaluated in worker
 * threads (`settings.evaluator`; without one, a pool whose idle workers exit by themselves).
 */
export function specgateApp(given: AppSettings = DEFAULT_SETTINGS): ApplicationFunction {
  return (app: Probot) => {
    const settings: AppSettings = {
      ...given,
      botLogin: given.botLogin ?? appBotLogin(async () => (await app.auth()) as unknown as GitHubClient),
      evaluator: given.evaluator ?? evaluatorFor(given, app.log),
    };
    app.on([...APP_EVENTS], (context) => onEvent(context, settings));
  };
}

/** The worker pool the settings ask for: their deadline and model-cache bound, logging to `log`. */
export function evaluatorFor(settings: AppSettings, log: NonNullable<EvaluatorOptions['log']>): Evaluator {
  return createEvaluator({
    timeoutMs: settings.evaluationTimeoutMs ?? DEFAULT_EVALUATION_TIMEOUT_MS, log,
    ...(settings.modelCacheMb === undefined ? {} : { modelCacheMb: settings.modelCacheMb }),
  });
}
