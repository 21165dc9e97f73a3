import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { defaultConfig, rules, type Document } from '../../src/engine/index.js';
import { groupByFeature, loadDocuments } from '../../src/engine/documents.js';
import { effectiveRule } from '../../src/engine/config/resolve.js';
import { markdownPaths } from '../support/markdown-files.js';

/** What a rule of scope `document` may read of a document outside its own feature (and not a constitution). */
const META: ReadonlySet<PropertyKey> = new Set(['path', 'kind', 'family', 'feature', 'scanned']);

function roots(): string[] {
  const found = ['examples/spec-kit-repo', 'examples/action-failing', 'examples/action-passing', 'test/fixtures/defects-repo', 'test/fixtures/plans', 'test/fixtures/seeds'];
  for (const parent of ['test/fixtures/rules', 'test/fixtures/openspec']) {
    for (const entry of readdirSync(parent)) {
      const folder = join(parent, entry);
      if (!statSync(folder).isDirectory()) continue;
      const cases = readdirSync(folder).map((name) => join(folder, name)).filter((path) => statSync(path).isDirectory());
      found.push(...(cases.length > 0 && parent.endsWith('rules') ? cases : [folder]));
    }
  }
  return found;
}

/** A stand-in for a document outside the rule's scope: reading its content is recorded. */
function guarded(document: Document, reads: Set<string>, rule: string): Document {
  return new Proxy(document, {
    get(target, property, receiver) {
      if (typeof property === 'string' && !META.has(property)) reads.add(`${rule} reads \`${property}\` of ${target.path}`);
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

describe('rule scopes', () => {
  test('a rule of scope document reads no content outside its document, its feature and the constitutions, over every fixture', () => {
    const config = { ...defaultConfig(), roots: ['.'] };
    const reads = new Set<string>();
    let checked = 0;
    for (const root of roots()) {
      const files = markdownPaths(root).map((path) => ({ path, content: readFileSync(join(root, path), 'utf8') }));
      const { documents } = loadDocuments(files, config);
      const byFeature = groupByFeature(documents);
      const tree = new Set(files.map((file) => file.path));
      for (const document of documents) {
        const feature = document.feature === '' ? [document] : byFeature.get(document.feature)!;
        for (const rule of rules) {
          if (rule.meta.scope === 'run' || !rule.meta.kinds.includes(document.kind)) continue;
          if (rule.meta.families && !rule.meta.families.includes(document.family)) continue;
          const setting = effectiveRule(rule, document.path, document.family, config);
          if (setting.severity === 'off') continue;
          const open = (other: Document): boolean => feature.includes(other) || other.kind === 'constitution';
          const all = documents.map((other) => (open(other) ? other : guarded(other, reads, rule.meta.id)));
          rule.check({ document, feature, all, constitution: config.constitution, tree, paths: tree, options: rule.meta.options.parse({}), report: () => undefined });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect([...reads].sort()).toEqual([]);
  });
});
