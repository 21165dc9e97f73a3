/**
 * Runs in a worker thread of the {@link ./evaluate-pool.ts} pool: everything that parses a
 * document, so a slow document never blocks the App's event loop (`/healthz`, other PRs).
 */
import type { MessagePort } from 'node:worker_threads';
import { evaluate, findClarificationMarkers, toDocument, type EvaluateInput, type Report, type SourceFile } from '../engine/index.js';
import { collectMarkers, markerKey, type ClarificationMarker } from '../github/issues/markers.js';

/** A task as the pool posts it: the work and a port to say it has started (the deadline counts from then). */
export interface WorkerTask<T> {
  input: T;
  started: MessagePort;
}

/** The gate's input: what {@link evaluate} takes, without rule selection (functions do not cross threads). */
export type GateInput = Omit<EvaluateInput, 'rules'> & {
  /** Also collect the clarification markers the report flags (for the issues). */
  markers: boolean;
};

/** The report and the markers that deserve an issue. */
export interface GateOutput {
  report: Report;
  markers: ClarificationMarker[];
}

function begin<T>(task: WorkerTask<T>): T {
  task.started.postMessage('started');
  task.started.close();
  return task.input;
}

/** Evaluates the documents and collects the flagged clarification markers. */
export function gate(task: WorkerTask<GateInput>): GateOutput {
  const { markers, ...input } = begin(task);
  const report = evaluate(input);
  return { report, markers: markers ? collectMarkers(input.files, report) : [] };
}

/** The identity keys of every clarification marker in the files (for closing resolved issues). */
export function markerKeys(task: WorkerTask<readonly SourceFile[]>): string[] {
  const keys = new Set<string>();
  for (const file of begin(task)) {
    if (typeof file.content !== 'string') continue;
    for (const marker of findClarificationMarkers(toDocument(file.path, file.content))) keys.add(markerKey(file.path, marker.question));
  }
  return [...keys];
}
