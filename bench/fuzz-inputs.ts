/**
 * The inputs of `npm run bench:fuzz`: each one a pure function of its 32-bit seed, so a
 * crash is replayed from the seed alone (`npm run bench:fuzz -- --input <seed>`). The
 * markdown is shaped like the repository's own fixtures (test/fixtures: spec-kit features,
 * Kiro and OpenSpec folders, plans, rule fixtures), mixed and mutated; the rest is random
 * bytes, token soup, deep nesting and long lines. Nothing outside the repository is read.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defaultConfig, type Config, type SourceFile } from '../src/engine/index.js';
import { seeded } from '../test/support/seeded.js';

/** What a generated input is made of; the bench summarises per kind. */
export const KINDS = ['bytes', 'tokens', 'mutated', 'mixed', 'feature', 'deep', 'long-line'] as const;
export type Kind = (typeof KINDS)[number];
/** How often each kind is drawn, in the order of {@link KINDS}. */
const WEIGHTS: Record<Kind, number> = { 'bytes': 12, 'tokens': 10, 'mutated': 25, 'mixed': 15, 'feature': 13, 'deep': 12, 'long-line': 13 };

/** One generated input: the files of a repository, the config, and what the engine may be given besides. */
export interface FuzzInput {
  seed: number;
  kind: Kind;
  files: SourceFile[];
  config: Config;
  tree?: Set<string>;
  base?: Map<string, string>;
}

/** A fixture as a small repository: its files at the paths they are checked at. */
interface Seed {
  name: string;
  files: { path: string; content: string }[];
}

const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures');

/** Paths the engine classifies as each kind of document, for content moved to another kind. */
const PATHS = [
  'specs/001-a/spec.md', 'specs/001-a/plan.md', 'specs/001-a/tasks.md', 'specs/001-a/checklists/requirements.md', 'specs/001-a/research.md',
  'specs/001-a/data-model.md', 'specs/001-a/quickstart.md', 'specs/001-a/contracts/api.md', '.specify/memory/constitution.md',
  '.kiro/specs/login/requirements.md', '.kiro/specs/login/design.md', '.kiro/specs/login/tasks.md', 'openspec/specs/auth/spec.md',
  'openspec/changes/add-x/proposal.md', 'openspec/changes/add-x/specs/auth/spec.md', 'openspec/changes/add-x/tasks.md', 'plans/x/plan.md', 'docs/notes.md',
];

/** Fragments that broke markdown parsers and rules before (see test/engine/property.test.ts), and the shapes the rules look for. */
const TOKENS = [
  '[', ']', '(', ')', '[NEEDS CLARIFICATION', '[NEEDS CLARIFICATION: why?]', '(NEEDS CLARIFICATION: x)', ': ', '`', '```', '~~~', '|', '| a | b |\n|---|---|\n',
  '\n', '\r\n', '\r', '\uFEFF', '\t', '    ', '- [ ] ', '- [x] ', '* [~] ', '1. [N/A] ', '# ', '## ', '### Session 2025-01-01\n', '<!--', '-->', '---\n',
  'T001 ', '[P] ', '[US1] ', 'CHK001 ', '**FR-001**: ', '**SC-001**', '→', 'PASS', 'FAIL', '❌', '✅', '⚠️', 'NEEDS REVIEW', '**Version**: 1.2.0',
  'Constitution Check', 'Complexity Tracking', 'Progress Tracking', '[e.g., 4th project]', '[PROJECT_NAME]', 'TODO(X): y', 'word ', '😀', '\u0000',
  '### Requirement: X\n', '#### Scenario: Y\n', '## ADDED Requirements\n', '## MODIFIED Requirements\n', '## RENAMED Requirements\n', '- FROM: `x`\n',
  'WHEN a THEN the system SHALL b', '_Requirements: 1.1, 2.3_', '**Status**: Draft', '**Feature Branch**: `001-a`', '[link](x.md)', '<details>', '</details>',
  '<!-- specgate-disable-next-line no-unresolved-clarifications -- ok -->', '<!-- specgate-disable -->', '<!-- specgate-enable -->', '[^1]', '[^1]: note',
  '**', '_', '~', '> ', '* ', '1) ', '\\', '&amp;', '&#0;', '<?', '<![CDATA[', 'http://x.example', '==\n', 'STATUS: ✅ COMPLETE', 'Phase 1: ', '| --- |',
];

export { seeded as generator } from '../test/support/seeded.js';

/** The seed of the `index`-th input of a run started with `runSeed` (a hash, so neighbours differ). */
export function inputSeed(runSeed: number, index: number): number {
  let h = Math.imul(runSeed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

class Draw {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A size skewed to small values, up to `max`. */
  size(max: number): number {
    return Math.floor(max ** this.next());
  }
}

let loaded: Seed[] | undefined;

/** Every markdown fixture of the repository, grouped as the tests read them (a rule fixture, a folder laid out as a repository). */
export function seeds(): Seed[] {
  loaded ??= [
    ...readdirSync(join(FIXTURES, 'rules')).flatMap((rule) => fixturesOf(join(FIXTURES, 'rules', rule))),
    folderSeed('seeds', join(FIXTURES, 'seeds')),
    folderSeed('defects-repo', join(FIXTURES, 'defects-repo')),
    ...readdirSync(join(FIXTURES, 'openspec')).map((name) => folderSeed(`openspec/${name}`, join(FIXTURES, 'openspec', name))),
    ...readdirSync(join(FIXTURES, 'plans')).map((name) => ({ name: `plans/${name}`, files: [{ path: `plans/${name.replace(/\.md$/, '')}/plan.md`, content: readFileSync(join(FIXTURES, 'plans', name), 'utf8') }] })),
  ].filter((seed) => seed.files.length > 0);
  return loaded;
}

const PATH_COMMENT = /^<!--\s*path:\s*(\S+)\s*-->\n/;

/** The fixtures of one rule folder: a file is checked at its `<!-- path: -->` or under specs/001-fixture/, a folder is a repository. */
function fixturesOf(dir: string): Seed[] {
  return readdirSync(dir).filter((name) => /^(pass|fail)-/.test(name)).map((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return folderSeed(`${dir.split('/').at(-1)}/${name}`, full);
    const content = readFileSync(full, 'utf8');
    return { name: `${dir.split('/').at(-1)}/${name}`, files: [{ path: PATH_COMMENT.exec(content)?.[1] ?? `specs/001-fixture/${name.replace(/^(pass|fail)-/, '')}`, content }] };
  });
}

function folderSeed(name: string, root: string): Seed {
  const files: Seed['files'] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.md')) files.push({ path: relative(root, full).split('\\').join('/'), content: readFileSync(full, 'utf8') });
    }
  };
  walk(root);
  return { name, files };
}

/** The input of `seed`: the same files, config, tree and base in every run and process. */
export function generate(seed: number): FuzzInput {
  const draw = new Draw(seeded(seed));
  const kind = weighted(draw);
  const files = MAKERS[kind](draw).map(({ path, content }) => ({ path, content: draw.chance(0.1) ? withRawBytes(draw, content) : content }));
  const unique = [...new Map(files.map((file) => [file.path, file])).values()];
  const input: FuzzInput = { seed, kind, files: unique, config: configOf(draw) };
  if (draw.chance(0.3)) input.tree = new Set([...unique.map((file) => file.path), ...Array.from({ length: draw.int(0, 20) }, () => draw.pick(TREE_EXTRAS))]);
  if (draw.chance(0.2)) input.base = new Map(unique.filter((file) => typeof file.content === 'string').map((file) => [file.path, mutate(draw, file.content as string, 3)]));
  return input;
}

const TREE_EXTRAS = ['src/index.ts', 'src/export/worker.ts', 'tests/e2e/export.spec.ts', 'specs/001-a/contracts/api.yaml', 'package.json', 'README.md', 'docs/'];

function weighted(draw: Draw): Kind {
  const total = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
  let at = draw.next() * total;
  for (const kind of KINDS) {
    at -= WEIGHTS[kind];
    if (at < 0) return kind;
  }
  return KINDS.at(-1)!;
}

/** The default config, or every folder gated, sometimes with a stricter `fail-on`. */
function configOf(draw: Draw): Config {
  const config = defaultConfig();
  if (draw.chance(0.5)) config.roots = ['.'];
  if (draw.chance(0.3)) config['fail-on'] = 'warning';
  return config;
}

type Maker = (draw: Draw) => { path: string; content: string | Uint8Array }[];

const MAKERS: Record<Kind, Maker> = {
  'bytes': (draw) => [{ path: draw.pick(PATHS), content: randomBytes(draw, draw.size(16_384)) }],
  'tokens': (draw) => [{ path: draw.pick(PATHS), content: Array.from({ length: draw.size(2_000) }, () => draw.pick(TOKENS)).join('') }],
  'mutated': (draw) => {
    const file = draw.pick(draw.pick(seeds()).files);
    return [{ path: draw.chance(0.2) ? draw.pick(PATHS) : file.path, content: mutate(draw, file.content, draw.int(1, 12)) }];
  },
  'mixed': (draw) => {
    const parts = Array.from({ length: draw.int(2, 5) }, () => draw.pick(draw.pick(seeds()).files));
    const lines = parts.flatMap((part) => sliceLines(draw, part.content));
    return [{ path: draw.pick([...parts.map((part) => part.path), ...PATHS]), content: mutate(draw, lines.join('\n'), draw.int(0, 6)) }];
  },
  'feature': (draw) => {
    const seed = draw.pick(seeds().filter((s) => s.files.length > 1));
    const kept = seed.files.filter(() => draw.chance(0.8));
    return (kept.length > 0 ? kept : seed.files.slice(0, 1)).map((file) => ({ path: file.path, content: draw.chance(0.6) ? mutate(draw, file.content, draw.int(1, 6)) : file.content }));
  },
  'deep': (draw) => {
    const host = draw.pick(draw.pick(seeds()).files);
    return [{ path: host.path, content: embed(draw, host.content, nested(draw)) }];
  },
  'long-line': (draw) => {
    const host = draw.pick(draw.pick(seeds()).files);
    const unit = draw.chance(0.5) ? draw.pick(TOKENS) : draw.pick(host.content.split('\n').filter(Boolean)) ?? 'a';
    const length = draw.int(10_000, draw.chance(0.1) ? 1_200_000 : 200_000);
    return [{ path: host.path, content: embed(draw, host.content, unit.replace(/\n/g, ' ').repeat(Math.ceil(length / Math.max(1, unit.length))).slice(0, length)) }];
  },
};

/** Random bytes: uniform, or mostly ASCII and markdown punctuation, or UTF-8 fragments (valid and not). */
function randomBytes(draw: Draw, length: number): Uint8Array {
  const palette = draw.int(0, 2);
  const punctuation = Buffer.from('#*-_[]()`~|>!<\n\n\n    \t:.0123456789abcxyz');
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) {
    if (palette === 0) bytes[i] = draw.int(0, 255);
    else if (palette === 1) bytes[i] = draw.chance(0.9) ? punctuation[draw.int(0, punctuation.length - 1)]! : draw.int(0, 255);
    else bytes[i] = draw.pick([0xc3, 0xa9, 0xe2, 0x80, 0x94, 0xf0, 0x9f, 0x98, 0x80, 0xff, 0xfe, 0xed, 0xa0, 0x0a, 0x20, 0x5b, 0x5d]);
  }
  return bytes;
}

/** The text's UTF-8 with a few raw bytes spliced in: invalid sequences, a NUL, a BOM, a cut multi-byte character. */
function withRawBytes(draw: Draw, content: string | Uint8Array): Uint8Array {
  const out = Array.from(typeof content === 'string' ? new TextEncoder().encode(content) : content);
  for (let i = draw.int(1, 5); i > 0; i -= 1) out.splice(draw.int(0, out.length), 0, ...draw.pick([[0xff], [0xc3], [0xe2, 0x80], [0x00], [0xef, 0xbb, 0xbf], [0x0d], [0xed, 0xa0, 0x80]]));
  return new Uint8Array(out);
}

/** A run of consecutive lines of the text (a section, roughly). */
function sliceLines(draw: Draw, text: string): string[] {
  const lines = text.split('\n');
  const start = draw.int(0, lines.length - 1);
  return lines.slice(start, start + draw.int(1, 80));
}

/** `block` inserted at a random line of `host`, sometimes inside one of its lines. */
function embed(draw: Draw, host: string, block: string): string {
  const lines = host.split('\n');
  const at = draw.int(0, lines.length);
  if (draw.chance(0.3) && lines[at] !== undefined) lines[at] = `${lines[at]}${block}`;
  else lines.splice(at, 0, block);
  return lines.join('\n');
}

/** Lists, task lists, quotes, footnotes and mixed containers nested up to a few thousand deep. */
function nested(draw: Draw): string {
  const marker = draw.pick(['- ', '* ', '1. ', '- [ ] ', '- [x] ', '> ', '> - ', '[^a]: ', '- > ', '    ', '\t']);
  // Each line repeats its prefix: quadratic in the depth, so 1,000 levels is about a megabyte.
  const depth = draw.chance(0.2) ? draw.int(200, 1_000) : draw.int(5, 200);
  const item = draw.pick(['item', '[NEEDS CLARIFICATION: depth?]', 'T001 [P] task', '**FR-001**: System MUST x', '`code`', '| a |', '']);
  const lines: string[] = [];
  for (let i = 0; i < depth; i += 1) {
    const level = draw.chance(0.9) ? i : draw.int(0, i);
    const prefix = marker === '> ' || marker === '> - ' || marker === '- > ' || marker === '[^a]: ' ? marker.repeat(level + 1) : `${'  '.repeat(level)}${marker}`;
    lines.push(`${prefix}${item} ${i}`);
    if (draw.chance(0.05)) lines.push('');
  }
  return draw.chance(0.2) && depth < 300 ? lines.join('\n').repeat(draw.int(2, 5)) : lines.join('\n');
}

/** `count` edits of the kinds that change a document's structure: lines dropped, repeated, moved, re-indented, fenced, re-ended. */
function mutate(draw: Draw, text: string, count: number): string {
  let lines = text.split('\n');
  for (let i = 0; i < count; i += 1) {
    const at = draw.int(0, Math.max(0, lines.length - 1));
    const span = draw.int(1, Math.min(40, Math.max(1, lines.length - at)));
    switch (draw.int(0, 12)) {
      case 0: lines.splice(at, span); break;
      case 1: lines.splice(at, 0, ...lines.slice(at, at + span)); break;
      case 2: { const other = draw.int(0, Math.max(0, lines.length - 1)); [lines[at], lines[other]] = [lines[other] ?? '', lines[at] ?? '']; break; }
      case 3: lines[at] = insertAt(draw, lines[at] ?? '', draw.pick(TOKENS)); break;
      case 4: lines[at] = insertAt(draw, lines[at] ?? '', String.fromCodePoint(draw.pick([0, 0x0d, 0x85, 0x2028, 0x202e, 0xfeff, 0xfffd, 0x1f600, draw.int(0, 0xffff)]))); break;
      case 5: lines = lines.slice(0, at); break;
      case 6: { const indent = draw.pick(['  ', '    ', '\t', '> ', '- ', '1. ', '   ']); for (let j = at; j < at + span && j < lines.length; j += 1) lines[j] = indent + lines[j]; break; }
      case 7: lines.splice(at, 0, draw.pick(['```', '~~~', '<!--', '---', '```md', '    ```'])); break;
      case 8: lines.splice(at, 0, ...Array.from({ length: draw.size(3_000) }, () => lines[at] ?? '')); break;
      case 9: lines.splice(at, span, lines.slice(at, at + span).join(' ')); break;
      case 10: { const donor = draw.pick(draw.pick(seeds()).files); lines.splice(at, 0, ...sliceLines(draw, donor.content)); break; }
      case 11: lines[at] = (lines[at] ?? '').replace(/[A-Za-z]/g, (c) => (draw.chance(0.3) ? draw.pick(['[', ']', '`', '*', '|', c.toUpperCase()]) : c)); break;
      default: return lines.join(draw.pick(['\r\n', '\r', '\n\n']));
    }
  }
  return lines.join('\n');
}

function insertAt(draw: Draw, line: string, token: string): string {
  const at = draw.int(0, line.length);
  return line.slice(0, at) + token + line.slice(at);
}
