import { join } from 'node:path';
import type { DocumentModel, ModelCache } from '../engine/types.js';
import { readCacheFile, writeCacheFile } from './cache-file.js';

const KIND = 'specgate-models';

/**
 * Document models by content key for one run, optionally loaded from and saved to
 * `models.json` in a cache folder. Only the models of this run's files are saved, so the
 * file holds at most one model per document of the last run.
 */
export class ModelStore implements ModelCache {
  /** Models put in by this run (parsed here or in a worker). */
  parsed = 0;
  private readonly used = new Set<string>();
  private changed: boolean;

  private constructor(
    private readonly models: Map<string, DocumentModel>,
    private readonly file: string | undefined,
    loaded: boolean,
  ) {
    this.changed = !loaded;
  }

  /** A store kept in memory only. */
  static inMemory(): ModelStore {
    return new ModelStore(new Map(), undefined, true);
  }

  /** The store of a cache folder; a missing, corrupt, foreign or other-version file gives an empty one, rewritten on save. */
  static load(folder: string): ModelStore {
    const file = join(folder, 'models.json');
    const payload = readCacheFile(file, KIND);
    const entries = isRecord(payload) ? Object.entries(payload).filter((entry): entry is [string, DocumentModel] => isRecord(entry[1])) : undefined;
    return new ModelStore(new Map(entries ?? []), file, entries !== undefined);
  }

  get(key: string): DocumentModel | undefined {
    this.used.add(key);
    return this.models.get(key);
  }

  set(key: string, model: DocumentModel): void {
    this.used.add(key);
    this.models.set(key, model);
    this.parsed++;
    this.changed = true;
  }

  /** Marks the keys of this run as used and returns how many of them the store already holds. */
  use(keys: Iterable<string>): number {
    let held = 0;
    for (const key of keys) {
      this.used.add(key);
      if (this.models.has(key)) held++;
    }
    return held;
  }

  has(key: string): boolean {
    return this.models.has(key);
  }

  /** Writes the models of this run's files when anything differs from the file read (a model added, one no longer used). */
  save(): void {
    if (this.file === undefined) return;
    const kept = [...this.models.keys()].filter((key) => this.used.has(key));
    if (!this.changed && kept.length === this.models.size) return;
    writeCacheFile(this.file, KIND, Object.fromEntries(kept.map((key) => [key, this.models.get(key)])));
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
