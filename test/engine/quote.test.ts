import { describe, expect, it } from '@jest/globals';
import { quote } from '../../src/engine/rules/quote.js';

describe('quote', () => {
  it('keeps a value that fits whole', () => {
    expect(quote('[e.g., FastAPI, UIKit, LLVM or NEEDS CLARIFICATION]')).toBe('[e.g., FastAPI, UIKit, LLVM or NEEDS CLARIFICATION]');
  });

  it('cuts a long value at a word boundary with a visible ellipsis', () => {
    // The shape of the plan template's Summary placeholder, quoted by no-placeholder-values.
    const value = '[Extract from feature spec: primary requirement + technical approach from research, with the constraints that shape it]';
    const out = quote(value, 60);
    expect(out.endsWith('…')).toBe(true);
    expect([...out].length).toBeLessThanOrEqual(60);
    expect(value.startsWith(out.slice(0, -1))).toBe(true);
    expect(value[out.length - 1]).toMatch(/[\s,]/);
  });

  it('never cuts Chinese or Japanese text inside a word', () => {
    // BQsummer/boboa-boot specs/003-dynamic-concurrency-control/spec.md keeps the translated template's placeholders.
    const value = '[用户满意度指标，例如：“90% 的用户在首次尝试时能成功完成主要任务”，以及与之相关的其他衡量标准和说明]';
    const out = quote(value, 24);
    expect(out.endsWith('…')).toBe(true);
    const kept = out.slice(0, -1);
    const words = [...new Intl.Segmenter('und', { granularity: 'word' }).segment(value)].map((s) => s.index);
    expect(words).toContain(kept.length);
  });

  it('cuts one overlong word between code points, never inside a surrogate pair', () => {
    const out = quote('😀'.repeat(100), 10);
    expect(out).toBe(`${'😀'.repeat(9)}…`);
  });
});
