import { describe, expect, it } from '@jest/globals';
import { generate, inputSeed, KINDS, seeds } from '../../bench/fuzz-inputs.js';

// The fuzz bench replays a crash from its input's seed alone: generation must be a pure function of it.
describe('bench:fuzz inputs', () => {
  it('are the same files, config, tree and base for the same seed', () => {
    for (let index = 0; index < 60; index += 1) {
      const seed = inputSeed(13, index);
      expect(generate(seed)).toEqual(generate(seed));
    }
  });

  it('differ between neighbouring seeds, and every kind is drawn', () => {
    const inputs = Array.from({ length: 400 }, (_, index) => generate(inputSeed(13, index)));
    expect(new Set(inputs.map((input) => input.seed)).size).toBe(400);
    expect(new Set(inputs.map((input) => input.kind))).toEqual(new Set(KINDS));
    expect(inputs.every((input) => input.files.length > 0)).toBe(true);
  });

  it('are built from the repository\'s own fixtures (spec-kit, Kiro, OpenSpec, plans), never from outside it', () => {
    const paths = seeds().flatMap((seed) => seed.files.map((file) => file.path));
    expect(paths.length).toBeGreaterThan(300);
    expect(paths.some((path) => path.startsWith('openspec/'))).toBe(true);
    expect(paths.some((path) => path.startsWith('.kiro/'))).toBe(true);
    expect(paths.some((path) => /^plans\/.+\/plan\.md$/.test(path))).toBe(true);
  });
});
