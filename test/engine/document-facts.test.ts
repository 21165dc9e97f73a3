import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { defaultConfig, evaluate, type FindingCache, type ModelCache, type PackedModel, type SourceFile } from '../../src/engine/index.js';
import { markdownPaths } from '../support/markdown-files.js';

/** Files whose content counts its reads, with their size given as a shell that stats them does. */
function countedFiles(entries: ReadonlyArray<{ path: string; content: Uint8Array }>): { files: SourceFile[]; reads: () => number } {
  let reads = 0;
  const files = entries.map(({ path, content }) => {
    const file = { path, size: content.byteLength, key: createHash('sha256').update(content).digest('hex') } as SourceFile;
    Object.defineProperty(file, 'content', { enumerable: true, get: () => { reads++; return content; } });
    return file;
  });
  return { files, reads: () => reads };
}

function fromFolder(root: string): Array<{ path: string; content: Uint8Array }> {
  return markdownPaths(root).map((path) => ({ path, content: new Uint8Array(readFileSync(join(root, path))) }));
}

function modelCache(): ModelCache {
  const store = new Map<string, string>();
  return {
    get: (key) => (store.has(key) ? (JSON.parse(store.get(key)!) as PackedModel) : undefined),
    set: (key, model) => void store.set(key, JSON.stringify(model)),
    has: (key) => store.has(key),
  };
}

function findingCache(): FindingCache & { store: Map<string, unknown> } {
  const store = new Map<string, unknown>();
  return { store, get: (key) => store.get(key), set: (key, value) => void store.set(key, JSON.parse(JSON.stringify(value)) as unknown) };
}

const config = { ...defaultConfig(), roots: ['.'] };
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

// A spec with invalid UTF-8, one whose suppression comment drops a finding, and one with an unknown rule in one.
const SMALL = [
  { path: 'specs/001-a/spec.md', content: new Uint8Array([...encode('# Feature Specification: A\n\n## Requirements\n\n- **FR-001**: caf'), 0xff, ...encode('\n')]) },
  { path: 'specs/001-a/tasks.md', content: encode('# Tasks: A\n\n<!-- specgate-disable-next-line -- kept on purpose -->\n- [ ] T001 [NEEDS CLARIFICATION: which store?]\n') },
  { path: 'specs/002-b/spec.md', content: encode('# Feature Specification: B\n\n<!-- specgate-disable-next-line no-such-rule -->\n[NEEDS CLARIFICATION: who signs in?]\n') },
];

describe('kept document facts', () => {
  it.each([
    ['examples/spec-kit-repo', fromFolder('examples/spec-kit-repo')],
    ['suppressions and invalid UTF-8', SMALL],
  ])('give the fresh report without reading an unchanged file again, unless it holds a suppression comment (%s)', (_name, entries) => {
    const fresh = evaluate({ files: countedFiles(entries).files, config });
    const models = modelCache();
    const findings = findingCache();
    const first = countedFiles(entries);
    expect(evaluate({ files: first.files, config, models, findings })).toEqual(fresh);
    expect(first.reads()).toBeGreaterThanOrEqual(entries.length);
    const second = countedFiles(entries);
    expect(evaluate({ files: second.files, config, models, findings })).toEqual(fresh);
    // Suppression comments are read from the document's lines, so a file naming `specgate-` is decoded again.
    const marked = entries.filter(({ content }) => new TextDecoder().decode(content).includes('specgate-')).length;
    expect(second.reads()).toBe(marked);
  });

  it('reads every file again when the kept facts are not what it wrote', () => {
    const fresh = evaluate({ files: countedFiles(SMALL).files, config });
    expect(fresh.suppressions?.length).toBeGreaterThan(0);
    expect(fresh.gates.flatMap((gate) => gate.findings).map((finding) => finding.message).join('\n')).toContain('invalid UTF-8');
    const models = modelCache();
    const findings = findingCache();
    evaluate({ files: countedFiles(SMALL).files, config, models, findings });
    const facts = [...findings.store.keys()].filter((key) => key.startsWith('facts:'));
    expect(facts).toHaveLength(SMALL.length);
    for (const [i, key] of facts.entries()) findings.store.set(key, [null, { kind: 'spec' }, { kind: 'nonsense', family: 'generic', feature: '', invalid: 0, marked: false }][i]);
    const again = countedFiles(SMALL);
    expect(evaluate({ files: again.files, config, models, findings })).toEqual(fresh);
    expect(again.reads()).toBeGreaterThanOrEqual(SMALL.length);
  });
});
