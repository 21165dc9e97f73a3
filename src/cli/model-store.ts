import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PackedModel, ModelCache } from '../engine/types.js';
import { readCacheFile, writeCacheBytes } from './cache-file.js';

const KIND = 'specgate-model';
const SUFFIX = '.json';
/** The single-file store of earlier versions, removed when a store is saved. */
const LEGACY = 'models.json';

/**
 * Document models by content key for one run, optionally kept in a cache folder as one file
 * per model (`models/<key>.json`, each with its own checksum). A model is read from disk when
 * the run asks for it, and saving writes only the models this run parsed, so a run that
 * changed one document writes one file. Saving also drops the files of keys this run did not
 * use: the folder holds at most one model per document of the last run. The models put in
 * are held as their JSON text in UTF-8 bytes, outside the JS heap and a fraction of the
 * memory of the objects, and read back on each `get` (the engine holds a bounded number of
 * documents unpacked at a time).
 */
export class ModelStore implements ModelCache {
  /** Models put in by this run (parsed here or in a worker). */
  parsed = 0;
  /** Models this run read from the folder. */
  hits = 0;
  private readonly used = new Set<string>();
  /** The JSON text (UTF-8) of each model put in by this run. */
  private readonly fresh = new Map<string, Uint8Array>();

  private constructor(
    /** Keys with a file in the folder when the store was opened. */
    private readonly stored: ReadonlySet<string>,
    private readonly folder: string | undefined,
  ) {}

  /** A store kept in memory only. */
  static inMemory(): ModelStore {
    return new ModelStore(new Set(), undefined);
  }

  /** The store of a cache folder; a missing folder is an empty store. */
  static load(cacheFolder: string): ModelStore {
    const folder = join(cacheFolder, 'models');
    let names: string[] = [];
    try {
      names = readdirSync(folder);
    } catch {
      // No folder yet: nothing stored.
    }
    const keys = names.filter((name) => name.endsWith(SUFFIX)).map((name) => name.slice(0, -SUFFIX.length));
    return new ModelStore(new Set(keys), folder);
  }

  /** The model stored for `key`; a corrupt, foreign or other-version file reads as absent, and is rewritten once the document is parsed again. */
  get(key: string): PackedModel | undefined {
    this.used.add(key);
    const fresh = this.fresh.get(key);
    if (fresh !== undefined) return JSON.parse(Buffer.from(fresh.buffer, fresh.byteOffset, fresh.byteLength).toString('utf8')) as PackedModel;
    if (this.folder === undefined || !this.stored.has(key)) return undefined;
    const model = readCacheFile(this.fileOf(key, this.folder), KIND);
    if (!isRecord(model)) return undefined;
    this.hits++;
    return model as unknown as PackedModel;
  }

  set(key: string, model: PackedModel): void {
    this.setJson(key, Buffer.from(JSON.stringify(model), 'utf8'));
  }

  /** {@link set} with the model's JSON text in UTF-8, as a worker thread sends it. */
  setJson(key: string, json: Uint8Array): void {
    this.used.add(key);
    this.fresh.set(key, json);
    this.parsed++;
  }

  /** Marks the keys of this run as used, so that saving keeps them. */
  use(keys: Iterable<string>): void {
    for (const key of keys) this.used.add(key);
  }

  /** Whether the store holds a model for the key (read or not): the engine then reads it only when a rule needs it. */
  has(key: string): boolean {
    return this.fresh.has(key) || this.stored.has(key);
  }

  /** Writes the models this run parsed and removes the files of keys it did not use. */
  save(): void {
    const folder = this.folder;
    if (folder === undefined) return;
    for (const [key, json] of this.fresh) writeCacheBytes(this.fileOf(key, folder), KIND, json);
    for (const key of this.stored) {
      if (!this.used.has(key)) rmSync(this.fileOf(key, folder), { force: true });
    }
    const legacy = join(folder, '..', LEGACY);
    if (existsSync(legacy)) rmSync(legacy, { force: true });
  }

  private fileOf(key: string, folder: string): string {
    return join(folder, `${key}${SUFFIX}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
