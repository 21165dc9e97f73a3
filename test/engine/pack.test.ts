import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { packModel, unpackModel } from '../../src/engine/markdown/pack.js';
import { analyse } from '../../src/engine/markdown/parse.js';
import { markdownPaths } from '../support/markdown-files.js';

const FOLDERS = ['examples', 'test/fixtures'];
const texts = FOLDERS.flatMap((folder) => markdownPaths(folder).map((path) => readFileSync(join(folder, path), 'utf8').replace(/\r\n?/g, '\n')));

/** Values a source slice cannot give back: escapes, entities, continuation indents, tabs, images, wide characters. */
const AWKWARD = [
  'A \\*literal\\* star, an &amp; entity and &copy;\n',
  'A paragraph\n   continued with an indent\n\tand a tab\n',
  '- [ ] T001 \t tab\tinside `code \\| pipe`\n',
  '| a | b \\| c |\n|---|---|\n| ![alt](x.png) | 😀 `x` <b>y</b> |\n',
  '> quoted\n> **bold** and [link](https://example.com "title")\n',
  '```ts meta=1\nconst x = 1;\n```\n\n    indented code\n',
  'Term[^1]\n\n[^1]: A footnote with ~~strike~~.\n',
  '',
];

describe('packed document models', () => {
  test('unpack gives back the parsed model exactly, through JSON, for every fixture and example', () => {
    expect(texts.length).toBeGreaterThan(50);
    for (const text of texts) {
      const model = analyse(text);
      const packed = JSON.parse(JSON.stringify(packModel(model, text))) as ReturnType<typeof packModel>;
      expect(unpackModel(packed, text)).toEqual(model);
    }
  });

  test.each(AWKWARD.map((text) => [JSON.stringify(text).slice(0, 40), text] as const))('keeps the values its text cannot give back: %s', (_name, text) => {
    const model = analyse(text);
    expect(unpackModel(packModel(model, text), text)).toEqual(model);
  });

  test('is a fraction of the model it packs, over the fixtures', () => {
    let plain = 0;
    let packed = 0;
    for (const text of texts) {
      const model = analyse(text);
      plain += JSON.stringify(model).length;
      packed += JSON.stringify(packModel(model, text)).length;
    }
    expect(packed / plain).toBeLessThan(0.6);
  });

  test('unpacked with another text, a model never throws (a cache key collision cannot crash a run)', () => {
    const text = texts.find((candidate) => candidate.length > 2000)!;
    const packed = packModel(analyse(text), text);
    expect(() => unpackModel(packed, 'short\n')).not.toThrow();
  });
});
