import { describe, expect, it } from '@jest/globals';
import { defaultConfig, evaluate, toDocument, type Finding, type Report } from '../../src/engine/index.js';
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
