import { evaluate, findClarificationMarkers, toDocument, type EvaluateInput, type PackedModel, type ModelCache, type Report, type SourceFile } from '../../engine/index.js';
import { collectMarkers, markerKey, type ClarificationMarker } from '../issues/markers.js';

/** Model JSON by {@link SourceFile.key}: what crosses between the App's thread and a worker. */
export type ModelTexts = Record<string, string>;

/** How one gating came by its documents' models. */
export interface ModelCounts {
  /** Models built from the markdown (each sent back to be kept). */
  parsed: number;
  /** Models taken from earlier gatings. */
  cached: number;
}

/** The gate's input: what {@link evaluate} takes, without rule selection (functions do not cross threads). */
export type GateInput = Omit<EvaluateInput, 'rules' | 'models'> & {
  /** Also collect the clarification markers the report flags (for the issues). */
  markers: boolean;
  /** Models of earlier gatings for the files' keys; with it, the output counts and returns the models parsed. */
  models?: ModelTexts;
};

/** The report and the markers that deserve an issue. */
export interface GateOutput {
  report: Report;
  markers: ClarificationMarker[];
  /** With {@link GateInput.models}: how many documents were parsed and how many came from it. */
  models?: ModelCounts;
  /** With {@link GateInput.models}: the models parsed, by key, for the caller to keep. */
  fresh?: ModelTexts;
}

/** Runs the document work: in worker threads for the App, in process for the Action. */
export interface Evaluator {
  /** {@link evaluate} plus the flagged clarification markers. */
  gate(input: GateInput): Promise<GateOutput>;
  /** The keys of every clarification marker in the files. */
  markerKeys(files: readonly SourceFile[]): Promise<string[]>;
}

/** Evaluates the documents and collects the flagged clarification markers. */
export function gateDocuments({ markers, models, ...input }: GateInput): GateOutput {
  const recording = models ? recordingCache(models) : undefined;
  const report = evaluate({ ...input, ...(recording ? { models: recording.cache } : {}) });
  return {
    report, markers: markers ? collectMarkers(input.files, report) : [],
    ...(recording ? { models: recording.counts, fresh: recording.fresh } : {}),
  };
}

/** The engine's cache port over the models a task was given; every model the engine puts in is recorded as JSON. */
function recordingCache(held: ModelTexts): { cache: ModelCache; fresh: ModelTexts; counts: ModelCounts } {
  const fresh: ModelTexts = {};
  const counts: ModelCounts = { parsed: 0, cached: 0 };
  const cache: ModelCache = {
    get(key) {
      const text = Object.hasOwn(held, key) ? held[key] : undefined;
      if (text === undefined) return undefined;
      counts.cached += 1;
      return JSON.parse(text) as PackedModel;
    },
    set(key, model) {
      fresh[key] = JSON.stringify(model);
      counts.parsed += 1;
    },
  };
  return { cache, fresh, counts };
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
