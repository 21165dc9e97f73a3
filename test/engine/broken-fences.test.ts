import { describe, expect, it } from '@jest/globals';
import { evaluate, parseConfig } from '../../src/engine/index.js';

const config = (() => {
  const parsed = parseConfig(undefined);
  if (!parsed.ok) throw new Error('default config invalid');
  return parsed.config;
})();

function findings(path: string, text: string): string[] {
  return evaluate({ files: [{ path, content: text }], config })
    .gates.flatMap((gate) => gate.findings)
    .map((finding) => `${finding.line} ${finding.rule}`)
    .sort();
}

describe('a fence that never closes', () => {
  // Modelled on AlexLan73__CudaCalc/specs/001-fft16-baseline-pipeline/model_archiver_protocol_v2.md:
  // a fence opened for an example is never closed and the sections after it hold open questions.
  const text = [
    '# Feature Specification: Archiver',
    '',
    '## Example',
    '',
    '```python',
    'archiver.save(model)',
    '',
    '## Open Questions',
    '',
    '- Retention [NEEDS CLARIFICATION: how long are versions kept?]',
    '- Storage [NEEDS CLARIFICATION: local disk or object store?]',
    '',
  ].join('\n');

  it('is reported at its opening line, and the markers inside it are still open', () => {
    const all = findings('specs/001-archiver/spec.md', text);
    expect(all).toContain('5 no-broken-fences');
    expect(all).toContain('10 no-unresolved-clarifications');
    expect(all).toContain('11 no-unresolved-clarifications');
  });

  it('leaves markers inside a closed fence alone', () => {
    const closed = text.replace('archiver.save(model)', 'archiver.save(model)\n```');
    const fenced = ['# Spec', '', '```text', '[NEEDS CLARIFICATION: an example marker]', '```', ''].join('\n');
    expect(findings('specs/001-archiver/spec.md', fenced).filter((f) => f.includes('clarification'))).toEqual([]);
    expect(findings('specs/001-archiver/spec.md', closed).some((f) => f.endsWith('no-broken-fences'))).toBe(false);
  });
});
