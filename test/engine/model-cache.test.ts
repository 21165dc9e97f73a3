import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { defaultConfig, evaluate, isGated, type PackedModel, type ModelCache, type SourceFile } from '../../src/engine/index.js';
import { markdownPaths } from '../support/markdown-files.js';

function listMarkdown(root: string): SourceFile[] {
  return markdownPaths(root).map((path) => {
    const content = new Uint8Array(readFileSync(join(root, path)));
    return { path, content, key: createHash('sha256').update(content).digest('hex') };
  });
}

/** A cache that keeps models as JSON text, as a file would, and counts what it is asked. */
function jsonCache(): ModelCache & { hits: number; sets: number; stored(key: string | undefined): boolean } {
  const store = new Map<string, string>();
  const cache = {
    hits: 0,
    sets: 0,
    get(key: string): PackedModel | undefined {
      const text = store.get(key);
      if (text === undefined) return undefined;
      cache.hits++;
      return JSON.parse(text) as PackedModel;
    },
    set(key: string, model: PackedModel): void {
      cache.sets++;
      store.set(key, JSON.stringify(model));
    },
    /** Whether a model is kept for the key (for the test; the engine is not told). */
    stored: (key: string | undefined): boolean => key !== undefined && store.has(key),
  };
  return cache;
}

const config = { ...defaultConfig(), roots: ['.'] };
const FOLDERS = ['examples', 'test/fixtures/rules'];

describe('document model cache', () => {
  it.each(FOLDERS)('gives the same report from cached models as from a fresh parse (%s)', (folder) => {
    const files = listMarkdown(folder);
    const fresh = evaluate({ files, config });
    const cache = jsonCache();
    const first = evaluate({ files, config, models: cache });
    const parsed = cache.sets;
    // Files with the same bytes share a key: the first run parses each content once.
    const before = cache.hits;
    const second = evaluate({ files, config, models: cache });
    expect(parsed).toBeGreaterThan(10);
    expect(first).toEqual(fresh);
    expect(second).toEqual(fresh);
    // The second run parses nothing: every gated file whose model is kept is read from the cache once.
    expect(cache.sets).toBe(parsed);
    expect(cache.hits - before).toBe(files.filter((file) => isGated(file.path, config) && cache.stored(file.key)).length);
  });

  it('does not cache a document it only scans, and still checks it', () => {
    const text = `# Spec\n\n${'>'.repeat(20_000)} deep\n\n- [ ] T001 [NEEDS CLARIFICATION: which?]\n`;
    const content = new TextEncoder().encode(text);
    const files = [{ path: 'specs/001-x/spec.md', content, key: 'k' }];
    const cache = jsonCache();
    const withCache = evaluate({ files, config: defaultConfig(), models: cache });
    expect(withCache).toEqual(evaluate({ files, config: defaultConfig() }));
    expect(cache.sets).toBe(0);
    expect(withCache.conclusion).toBe('failure');
  });
});
