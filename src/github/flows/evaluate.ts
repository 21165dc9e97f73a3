import { evaluate, findClarificationMarkers, toDocument, type EvaluateInput, type Report, type SourceFile } from '../../engine/index.js';
import { collectMarkers, markerKey, type ClarificationMarker } from '../issues/markers.js';

/** The gate's input: what {@link evaluate} takes, without rule selection (functions do not cross threads). */
export type GateInput = Omit<EvaluateInput, 'rules' | 'models'> & {
  /** Also collect the clarification markers the report flags (for the issues). */
  markers: boolean;
};

/** The report and the markers that deserve an issue. */
export interface GateOutput {
  report: Report;
  markers: ClarificationMarker[];
}

/** Runs the document work: in worker threads for the App, in process for the Action. */
export interface Evaluator {
  /** {@link evaluate} plus the flagged clarification markers. */
  gate(input: GateInput): Promise<GateOutput>;
  /** The keys of every clarification marker in the files. */
  markerKeys(files: readonly SourceFile[]): Promise<string[]>;
}

/** Evaluates the documents and collects the flagged clarification markers. */
export function gateDocuments({ markers, ...input }: GateInput): GateOutput {
  const report = evaluate(input);
  return { report, markers: markers ? collectMarkers(input.files, report) : [] };
}

/** The identity keys of every clarification marker in the files (for closing resolved issues). */
export function markerKeysOf(files: readonly SourceFile[]): string[] {
  const keys = new Set<string>();
  for (const file of files) {
    if (typeof file.content !== 'string') continue;
    for (const marker of findClarificationMarkers(toDocument(file.path, file.content))) keys.add(markerKey(file.path, marker.question));
  }
  return [...keys];
}

/** The evaluator of a single job: the same work on the calling thread. */
export const inlineEvaluator: Evaluator = {
  gate: async (input) => gateDocuments(input),
  markerKeys: async (files) => markerKeysOf(files),
};
