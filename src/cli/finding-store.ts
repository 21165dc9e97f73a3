import { join } from 'node:path';
import type { FindingCache } from '../engine/types.js';
import { readCacheFile, writeCacheFile } from './cache-file.js';

const KIND = 'specgate-findings';
const FILE = 'findings.json';

/**
 * The engine's findings and coverage of earlier runs (see {@link FindingCache}), kept in one
 * cache file: each value is small, and a run reads them all. Saving keeps only the keys this
 * run asked for or set, so the file holds one entry per document and feature of the last run.
 */
export class FindingStore implements FindingCache {
  /** Documents whose findings this run took from the file (keys `findings:…`, see the engine's incremental.ts). */
  documents = 0;
  private readonly used = new Map<string, unknown>();
  private changed = false;

  private constructor(
    private readonly stored: ReadonlyMap<string, unknown>,
    private readonly file: string | undefined,
  ) {}

  /** A store of a cache folder; a missing, corrupt or foreign file is an empty store, rewritten on save. */
  static load(cacheFolder: string): FindingStore {
    const file = join(cacheFolder, FILE);
    const payload = readCacheFile(file, KIND);
    const stored = payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? new Map(Object.entries(payload)) : new Map<string, unknown>();
    return new FindingStore(stored, file);
  }

  get(key: string): unknown {
    const value = this.used.has(key) ? this.used.get(key) : this.stored.get(key);
    if (value !== undefined && !this.used.has(key)) {
      if (key.startsWith('findings:')) this.documents++;
      this.used.set(key, value);
    }
    return value;
  }

  set(key: string, value: unknown): void {
    this.used.set(key, value);
    this.changed = true;
  }

  /** Writes the entries of this run, unless they are exactly what the file holds. */
  save(): void {
    if (this.file === undefined) return;
    if (!this.changed && this.used.size === this.stored.size) return;
    writeCacheFile(this.file, KIND, Object.fromEntries(this.used));
  }
}
