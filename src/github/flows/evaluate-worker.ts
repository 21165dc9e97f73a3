/**
 * Runs in a worker thread of the {@link ./evaluate-pool.ts} pool: everything that parses a
 * document, so a slow document never blocks the App's event loop (`/healthz`, other PRs).
 */
import type { MessagePort } from 'node:worker_threads';
import type { SourceFile } from '../../engine/index.js';
import { gateDocuments, markerKeysOf, type GateInput, type GateOutput } from './evaluate.js';

/** A task as the pool posts it: the work and a port to say it has started (the deadline counts from then). */
export interface WorkerTask<T> {
  input: T;
  started: MessagePort;
}

function begin<T>(task: WorkerTask<T>): T {
  task.started.postMessage('started');
  task.started.close();
  return task.input;
}

/** Evaluates the documents and collects the flagged clarification markers. */
export function gate(task: WorkerTask<GateInput>): GateOutput {
  return gateDocuments(begin(task));
}

/** The identity keys of every clarification marker in the files (for closing resolved issues). */
export function markerKeys(task: WorkerTask<readonly SourceFile[]>): string[] {
  return markerKeysOf(begin(task));
}
