import { describe, expect, test } from '@jest/globals';
import { matchList } from '../../src/engine/markdown/matches.js';

const texts = ['', 'abc', 'a1b22c333', '[FEATURE] and [DATE] then [e.g., x]', '😀a😀', 'line\nnext', 'no match here'];
const patterns = [/\d+/g, /\[[^\]]*\]/g, /x*/g, /(?:)/gu, /\p{L}/gu, /(?<=a)\d/g, /$/gm, /😀?/gu];

describe('matchList', () => {
  test.each(patterns.map((pattern) => [String(pattern), pattern] as const))('gives what matchAll gives for %s', (_name, pattern) => {
    for (const text of texts) {
      const expected = [...text.matchAll(pattern)].map((match) => [match.index, ...match]);
      expect(matchList(text, pattern).map((match) => [match.index, ...match])).toEqual(expected);
      expect(pattern.lastIndex).toBe(0);
    }
  });

  test('leaves the regex ready for another text after a consumer stops early', () => {
    const pattern = /\d/g;
    expect(matchList('1 2 3', pattern)[0]?.[0]).toBe('1');
    expect(matchList('9', pattern).map((match) => match[0])).toEqual(['9']);
  });

  test('refuses a regex without the global flag, as matchAll does', () => {
    expect(() => matchList('a', /a/)).toThrow(TypeError);
    expect(() => 'a'.matchAll(/a/)).toThrow(TypeError);
  });
});
