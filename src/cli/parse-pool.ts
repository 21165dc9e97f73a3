import { Piscina } from 'piscina';
import type { Config, SourceFile } from '../engine/index.js';
import type { ParseTask } from './parse-worker.js';

// From TypeScript sources (jest, tsx) the worker is a .ts file: a bootstrap registers tsx first.
const fromSources = import.meta.url.endsWith('.ts');
const WORKER = new URL(fromSources ? './parse-worker-tsx.mjs' : './parse-worker.js', import.meta.url).href;

/** Files per task: enough to keep messaging cheap, few enough that threads finish together. */
const BATCH = 8;

/**
 * Young generation of each worker's heap, in MB. Parsing allocates fast and keeps little:
 * with V8's default (a few MB of semi-space) a worker spends a third of its time in
 * scavenges. Over the corpus's 1,968 files, 64 MB ran as fast as 128 MB with a peak RSS of
 * about 540 MB instead of 750 MB; 32 MB was slower (bench/cli.ts measures the cold run).
 * With the bounded heap growth of run.ts, 48 MB peaked at 290 MB instead of 380 MB, but took
 * a third longer (four interleaved runs each: 29.6 s against 22.2 s median).
 */
export const YOUNG_GENERATION_MB = 64;

/** Files to parse, each with its key and the config of its job. */
export interface ParseRequest {
  file: SourceFile & { key: string };
  config: Config;
}

/** Parses the files in `threads` worker threads; returns the models' JSON text in UTF-8 by key (files the engine would not parse are left out). */
export async function parseInWorkers(requests: readonly ParseRequest[], threads: number): Promise<Map<string, Uint8Array>> {
  const pool = new Piscina({
    filename: WORKER,
    minThreads: threads,
    maxThreads: threads,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    // The parent's flags (jest's, tsx's preloads) are not the worker's business.
    ...(fromSources ? { execArgv: [] } : {}),
  });
  const models = new Map<string, Uint8Array>();
  try {
    const batches = toBatches(requests);
    await Promise.all(batches.map(async (batch) => {
      const task: ParseTask = { files: batch.map((request) => request.file), config: batch[0]!.config };
      const results = (await pool.run(task, { name: 'parse' })) as Array<Uint8Array | null>;
      for (const [i, json] of results.entries()) if (json !== null) models.set(batch[i]!.file.key, json);
    }));
  } finally {
    await pool.destroy();
  }
  return models;
}

/** Batches of files sharing a config, largest files first so no thread is left with a big one at the end. */
function toBatches(requests: readonly ParseRequest[]): ParseRequest[][] {
  const bySize = [...requests].sort((a, b) => sizeOf(b.file) - sizeOf(a.file));
  const batches: ParseRequest[][] = [];
  const open = new Map<Config, ParseRequest[]>();
  for (const request of bySize) {
    const batch = open.get(request.config) ?? [];
    if (batch.length === 0) batches.push(batch);
    batch.push(request);
    open.set(request.config, batch.length >= BATCH ? [] : batch);
  }
  return batches;
}

function sizeOf(file: SourceFile): number {
  return typeof file.content === 'string' ? file.content.length : file.content.byteLength;
}
