import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from '../../src/engine/index.js';

/** One rule fixture: a single markdown file, or a folder laid out as a repository. */
export interface Fixture {
  name: string;
  expectation: 'pass' | 'fail';
  files: SourceFile[];
  /** `.github/specgate.yml` of a folder fixture, when it has one. */
  config?: string;
  /**
   * The repository tree handed to the rule: only for a folder fixture holding a `.tree`
   * file (its own paths plus the paths `.tree` lists, one a line), so rules that need a
   * tree can be tested without changing what other fixtures see.
   */
  tree?: Set<string>;
  /** Texts before the change: the files under a folder fixture's `.base/`, keyed by their path below it. */
  base?: Map<string, string>;
  /** Expected `path:line rule-id` strings, sorted. */
  expected: string[];
}

const PATH_COMMENT = /^<!--\s*path:\s*(\S+)\s*-->\n/;
const EXPECT_COMMENT = /<!--\s*expect\n([\s\S]*?)-->\s*$/;

/**
 * A fixture file may start with `<!-- path: specs/001-x/plan.md -->` (where it is checked
 * as if it lived; default `specs/001-fixture/<name>`) and ends with an HTML comment
 * listing the findings it must produce, one `line rule-id` pair a line.
 */
export function readFixtures(dir: string): Fixture[] {
  return readdirSync(dir)
    .filter((name) => /^(pass|fail)-/.test(name))
    .sort()
    .map((name) => {
      const full = join(dir, name);
      const expectation = name.startsWith('pass-') ? 'pass' : 'fail';
      if (statSync(full).isDirectory()) return readFolder(name, full, expectation);
      const { file, expected } = readOne(readFileSync(full, 'utf8'), `specs/001-fixture/${name.replace(/^(pass|fail)-/, '')}`);
      return { name, expectation, files: [file], expected };
    });
}

function readOne(text: string, fallbackPath: string): { file: SourceFile; expected: string[] } {
  const path = PATH_COMMENT.exec(text)?.[1] ?? fallbackPath;
  const block = EXPECT_COMMENT.exec(text)?.[1] ?? '';
  const expected = block
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [at, rule] = line.split(/\s+/);
      return `${path}:${at} ${rule}`;
    });
  return { file: { path, content: text }, expected: expected.sort() };
}

function readFolder(name: string, root: string, expectation: 'pass' | 'fail'): Fixture {
  const files: SourceFile[] = [];
  const expected: string[] = [];
  let config: string | undefined;
  let listed: string[] | undefined;
  const base = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      const rel = relative(root, full).split('\\').join('/');
      if (statSync(full).isDirectory()) walk(full);
      else if (rel === '.github/specgate.yml') config = readFileSync(full, 'utf8');
      else if (rel.startsWith('.base/')) base.set(rel.slice('.base/'.length), readFileSync(full, 'utf8'));
      else if (rel === '.tree') listed = readFileSync(full, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
      else {
        const one = readOne(readFileSync(full, 'utf8'), rel);
        files.push({ path: rel, content: one.file.content });
        expected.push(...one.expected.map((e) => e.replace(/^[^:]+:/, `${rel}:`)));
      }
    }
  };
  walk(root);
  const tree = listed ? new Set([...files.map((file) => file.path), ...listed]) : undefined;
  return { name, expectation, files, ...(config !== undefined ? { config } : {}), ...(tree ? { tree } : {}), ...(base.size > 0 ? { base } : {}), expected: expected.sort() };
}
