import { describe, expect, it } from '@jest/globals';
import { defaultConfig, evaluate, toDocument, type Finding, type ModelCache, type PackedModel, type Report } from '../../src/engine/index.js';
import { loadDocuments } from '../../src/engine/documents.js';

// More documents than the run holds unpacked at once (documents.ts), so early ones are released and read again.
const FEATURES = 200;

function files(): Array<{ path: string; content: string }> {
  const result: Array<{ path: string; content: string }> = [];
  for (let i = 1; i <= FEATURES; i++) {
    const folder = `specs/${String(i).padStart(3, '0')}-f${i}`;
    result.push({ path: `${folder}/spec.md`, content: `# Feature Specification: F${i}\n\n## Requirements\n\n- **FR-001**: Works [NEEDS CLARIFICATION: case ${i}?].\n` });
    result.push({ path: `${folder}/tasks.md`, content: `# Tasks\n\n- [ ] T001 Build FR-001 for F${i}\n- [x] T002 Write \`src/f${i}.ts\`\n` });
  }
  return result;
}

describe('documents kept packed', () => {
  it('gives the fields of a document released long ago, equal to a document parsed alone', () => {
    const input = files();
    const { documents } = loadDocuments(input, defaultConfig());
    for (const document of documents) expect(document.sections.length).toBeGreaterThan(0);
    for (const [i, document] of documents.entries()) {
      const alone = toDocument(input[i]!.path, input[i]!.content);
      expect({ lines: document.lines, prose: document.prose, sections: document.sections, checkboxes: document.checkboxes, nodes: document.nodes, blocks: document.blocks })
        .toEqual({ lines: alone.lines, prose: alone.prose, sections: alone.sections, checkboxes: alone.checkboxes, nodes: alone.nodes, blocks: alone.blocks });
    }
  });

  it('reads a released document again from the model cache, which the document does not hold', () => {
    const input = files().map((file, i) => ({ ...file, key: `k${i}` }));
    const kept = new Map<string, string>();
    let reads = 0;
    const cache: ModelCache = {
      get: (key) => {
        reads++;
        const json = kept.get(key);
        return json === undefined ? undefined : (JSON.parse(json) as PackedModel);
      },
      set: (key, model) => void kept.set(key, JSON.stringify(model)),
      has: (key) => kept.has(key),
    };
    const { documents } = loadDocuments(input, defaultConfig(), cache);
    expect(kept.size).toBe(input.length);
    for (const document of documents) expect(document.sections.length).toBeGreaterThan(0);
    for (const [i, document] of documents.entries()) {
      const alone = toDocument(input[i]!.path, input[i]!.content);
      expect({ sections: document.sections, checkboxes: document.checkboxes, nodes: document.nodes }).toEqual({ sections: alone.sections, checkboxes: alone.checkboxes, nodes: alone.nodes });
    }
    // Parsed views were released: reading the documents again went back to the cache.
    expect(reads).toBeGreaterThan(input.length);
  });

  it('finds in a large run what it finds in each feature checked alone', () => {
    const input = files();
    const findings = (report: Report): Finding[] => report.gates.flatMap((gate) => gate.findings);
    const all = findings(evaluate({ files: input, config: defaultConfig() }));
    const alone = input.flatMap((_, i) => (i % 2 === 0 ? findings(evaluate({ files: input.slice(i, i + 2), config: defaultConfig() })) : []));
    const key = (finding: Finding): string => `${finding.path}:${finding.line}:${finding.rule}:${finding.message}`;
    expect(all.map(key).sort()).toEqual(alone.map(key).sort());
    expect(all.filter((finding) => finding.rule === 'no-unresolved-clarifications')).toHaveLength(FEATURES);
  });
});
