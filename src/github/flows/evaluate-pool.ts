import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Evaluator as DocumentEvaluator, GateInput, GateOutput, ModelCounts } from './evaluate.js';
import type { WorkerTask } from './evaluate-worker.js';
import { ModelLru } from './model-cache.js';

/** How long one evaluation may run before its worker is stopped and the check fails. */
export const DEFAULT_EVALUATION_TIMEOUT_MS = 60_000;

/** The bound on the document models the App keeps between gatings, in MiB (`SPECGATE_MODEL_CACHE_MB`). */
export const DEFAULT_MODEL_CACHE_MB = 64;

/** Runs the document work off the event loop, each task within the deadline. */
export interface Evaluator extends DocumentEvaluator {
  /** Stops the workers; pending tasks are rejected. */
  close(): Promise<void>;
  /** Documents parsed and documents whose model came from the cache, over every gating so far. */
  stats(): ModelCounts;
}

export interface EvaluatorOptions {
  timeoutMs?: number;
  maxThreads?: number;
  /** The bound on the models kept between gatings, in MiB; 0 keeps none (default {@link DEFAULT_MODEL_CACHE_MB}). */
  modelCacheMb?: number;
  /** Where each gating's parsed and cached counts go, at debug level. */
  log?: { debug(fields: object, message: string): void };
}

/** An evaluation stopped at the deadline: the check concludes as failed with this message. */
export class EvaluationTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`evaluation exceeded ${timeoutMs / 1_000} s; split the document into smaller files, or add slow paths to \`exclude\` in \`.github/specgate.yml\``);
    this.name = 'EvaluationTimeoutError';
  }
}

// From TypeScript sources (jest, tsx) the worker is a .ts file: a bootstrap registers tsx first.
const fromSources = import.meta.url.endsWith('.ts');
const WORKER = new URL(fromSources ? './evaluate-worker-tsx.mjs' : './evaluate-worker.js', import.meta.url).href;

/**
 * A pool of worker threads running {@link ./evaluate-worker.ts}; a task past `timeoutMs` has its
 * worker terminated. Document models are kept in this thread by blob SHA (see {@link ModelLru}):
 * a gating is sent those of its files, and the models it parses come back to be kept.
 */
export function createEvaluator(options: EvaluatorOptions = {}): Evaluator {
  const timeoutMs = options.timeoutMs ?? DEFAULT_EVALUATION_TIMEOUT_MS;
  const pool = new Piscina({
    filename: WORKER,
    minThreads: 0,
    maxThreads: options.maxThreads ?? Math.max(2, availableParallelism()),
    idleTimeout: 60_000,
    // The parent's flags (jest's, tsx's preloads) are not the worker's business.
    ...(fromSources ? { execArgv: [] } : {}),
  });
  const run = <I, O>(name: string, input: I): Promise<O> => runWithDeadline<I, O>({ pool, name, input, timeoutMs });
  const megabytes = options.modelCacheMb ?? DEFAULT_MODEL_CACHE_MB;
  const models = megabytes > 0 ? new ModelLru(megabytes) : undefined;
  const totals: ModelCounts = { parsed: 0, cached: 0 };
  const gate = async (input: GateInput): Promise<GateOutput> => {
    // Even with no cache the task counts what it parses.
    const { fresh, ...output } = await run<GateInput, GateOutput>('gate', { ...input, models: models?.lookUp(input.files) ?? {} });
    if (fresh) models?.keep(fresh);
    const counts = output.models ?? { parsed: 0, cached: 0 };
    totals.parsed += counts.parsed;
    totals.cached += counts.cached;
    options.log?.debug({ ...counts }, `specgate parsed ${counts.parsed} document(s) and took ${counts.cached} from the model cache`);
    return output;
  };
  return {
    gate,
    markerKeys: (files) => run('markerKeys', files),
    close: () => pool.destroy(),
    stats: () => ({ ...totals }),
  };
}

/** Runs one task; the deadline starts when a worker picks it up, not while it waits in the queue. */
async function runWithDeadline<I, O>(task: { pool: Piscina; name: string; input: I; timeoutMs: number }): Promise<O> {
  const { port1, port2 } = new MessageChannel();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  port1.once('message', () => {
    timer = setTimeout(() => controller.abort(), task.timeoutMs);
  });
  port1.unref();
  const posted: WorkerTask<I> = { input: task.input, started: port2 };
  try {
    return (await task.pool.run(posted, { name: task.name, signal: controller.signal, transferList: [port2] })) as O;
  } catch (error) {
    if (controller.signal.aborted) throw new EvaluationTimeoutError(task.timeoutMs);
    throw error;
  } finally {
    clearTimeout(timer);
    port1.close();
  }
}
