import type { Config } from './config/schema.js';
import type { Rule } from './rule.js';
import { MODEL_VERSION, type Document, type SourceFile } from './types.js';

/**
 * Keys under which a run's per-document findings and per-feature coverage are kept in a
 * `FindingCache` (types.ts), so that a run that changed one document runs the rules on that
 * document's feature only. A rule of scope `document` (the default, see `RuleMeta.scope`)
 * reads its document, the documents of its feature, what every document of the run is
 * (path, kind, family, feature), the constitutions, the paths of the tree, the base texts
 * and its options; a document's key names all of these, so any change to one of them is
 * a new key. Rules of scope `run` read other documents' content and are never kept.
 */
export interface ScopeKeys {
  /** The key of a document's findings, by path; absent for a document without a content key. */
  document(path: string): string | undefined;
  /** The key of a feature's coverage, when every document of it has a content key. */
  feature(feature: string): string | undefined;
}

interface ScopeInput {
  files: readonly SourceFile[];
  documents: readonly Document[];
  byFeature: ReadonlyMap<string, readonly Document[]>;
  config: Config;
  rules: readonly Rule[];
  paths: ReadonlySet<string>;
  base?: ReadonlyMap<string, string>;
}

export function scopeKeys({ files, documents, byFeature, config, rules, paths, base }: ScopeInput): ScopeKeys {
  const keys = new Map<string, string>();
  for (const file of files) if (file.key !== undefined) keys.set(file.path, file.key);
  const byPath = new Map(documents.map((document) => [document.path, document]));
  const sorted = [...documents].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const run = digest([
    `model ${MODEL_VERSION}`,
    JSON.stringify(config),
    rules.map((rule) => rule.meta.id).join(','),
    ...sorted.map((document) => `${document.path}\u0000${document.kind}\u0000${document.family}\u0000${document.feature}\u0000${document.scanned === true}`),
    ...sorted.filter((document) => document.kind === 'constitution').map((document) => `constitution\u0000${document.path}\u0000${keys.get(document.path) ?? document.text}`),
    ...[...paths].sort().map((path) => `path\u0000${path}`),
    ...[...(base ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, text]) => `base\u0000${path}\u0000${text}`),
  ]);
  const features = new Map<string, string | undefined>();
  const featureDigest = (feature: string, members: readonly Document[]): string | undefined => {
    if (!features.has(feature)) {
      const parts = members.map((member) => keys.get(member.path) === undefined ? undefined : `${member.path}\u0000${keys.get(member.path)}`);
      features.set(feature, parts.includes(undefined) ? undefined : digest(parts as string[]));
    }
    return features.get(feature);
  };
  return {
    document(path) {
      const key = keys.get(path);
      const document = byPath.get(path);
      if (key === undefined || document === undefined) return undefined;
      const members = document.feature === '' ? [document] : (byFeature.get(document.feature) ?? [document]);
      const feature = featureDigest(document.feature === '' ? `\u0000${path}` : document.feature, members);
      return feature === undefined ? undefined : `findings:${run}:${feature}:${key}`;
    },
    feature(feature) {
      const members = byFeature.get(feature);
      const own = members ? featureDigest(feature, members) : undefined;
      return own === undefined ? undefined : `coverage:${run}:${own}`;
    },
  };
}

/**
 * A 106-bit digest of the parts (two 53-bit hashes with different seeds): enough that
 * distinct inputs of one repository do not collide, without a dependency on `node:crypto`.
 */
export function digest(parts: readonly string[]): string {
  const text = parts.join('\u0001');
  return `${hash53(text, 0x9e3779b9).toString(36)}.${hash53(text, 0x85ebca6b).toString(36)}`;
}

function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
