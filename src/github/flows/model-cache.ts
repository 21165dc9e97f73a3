import { LRUCache } from 'lru-cache';
import { MODEL_VERSION, type SourceFile } from '../../engine/index.js';
import type { ModelTexts } from './evaluate.js';

/**
 * Document models of earlier gatings, by git blob SHA, least recently used dropped first.
 * Each is kept as its JSON text: its size is its length, so the bound is a real one, and
 * no caller can change a kept model. Keys carry {@link MODEL_VERSION}.
 */
export class ModelLru {
  private readonly models: LRUCache<string, string>;

  /** `maxMb`: the bound on the JSON kept, in MiB (a model's size is its JSON's length). */
  constructor(maxMb: number) {
    const maxSize = Math.max(1, Math.floor(maxMb * 1_048_576));
    this.models = new LRUCache<string, string>({ maxSize, sizeCalculation: (text) => Math.max(1, text.length) });
  }

  /** The models held for these files' keys. */
  lookUp(files: readonly SourceFile[]): ModelTexts {
    const held: ModelTexts = {};
    for (const { key } of files) {
      const text = key === undefined ? undefined : this.models.get(slot(key));
      if (text !== undefined) held[key!] = text;
    }
    return held;
  }

  /** Keeps models parsed by a gating. */
  keep(fresh: ModelTexts): void {
    for (const [key, text] of Object.entries(fresh)) this.models.set(slot(key), text);
  }
}

function slot(key: string): string {
  return `${MODEL_VERSION}:${key}`;
}
