import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MODEL_VERSION } from '../engine/types.js';
import type { CheckCommand } from './args.js';
import { readCacheFile, writeCacheFile } from './cache-file.js';
import { findRoot } from './find-root.js';
import { RACY_MARGIN_MS, sameStamp, stampOf, type FileStamp } from './file-stamp.js';
import { contentKey } from './hash-content.js';
import { listFiles } from './list-files.js';
import { readVersion } from './version.js';

const KIND = 'specgate-run';

/** What a check read: config files (text, or undefined when absent), listed trees by root, gated files' content keys by absolute path. */
export interface RunInputs {
  configs: Map<string, string | undefined>;
  trees: Map<string, ReadonlySet<string>>;
  gated: Map<string, string>;
  /** The stamp of each gated file, taken as it was read. */
  stamps: Map<string, FileStamp>;
  /** When the run began reading files (ms since the epoch). */
  since: number;
  /** Gated files whose bytes the run read: those whose stamp changed, and those the engine read again. */
  read: number;
}

/** The output of one run. */
export interface RunOutput {
  stdout: string;
  stderr: string;
  code: number;
}

/** The last run, stored with what decides its output. */
interface RunRecord extends RunOutput {
  key: string;
  digest: string;
  configs: string[];
  gated: string[];
  /** Content key of each gated file, in the order of `gated`. */
  keys: string[];
  /** Stamp of each gated file, or null where it is not to be trusted (see {@link RACY_MARGIN_MS}). */
  stamps: Array<FileStamp | null>;
}

/** How the fingerprint reads inputs: from disk (a new run) or from what a run just read. */
interface Reader {
  tree(root: string): Iterable<string>;
  config(file: string): string | undefined;
  key(file: string, index: number): string;
}

/**
 * What a warm run that could not replay learnt of the tree, for the run that follows: the
 * listing of each root, and the stamp and content key of each gated file whose stamp is
 * the one stored (its bytes are taken to be those stored, see {@link replayRun}).
 */
export interface KnownFiles {
  trees: Map<string, Set<string>>;
  files: Map<string, { stamp: FileStamp; key: string }>;
}

/** A replayed run's output, or, when it could not be replayed, what was learnt of the tree (see {@link KnownFiles}). */
export type Replay =
  | { output: RunOutput & { files: number; read: number } }
  | { output?: undefined; known?: KnownFiles };

/**
 * The stored output of the last `check --cache` when nothing it depends on changed: the
 * package and model versions, the working directory and options, the config files read
 * (and those `_extends` looked for), every path of each listed tree and the bytes of every
 * gated file. A gated file whose stamp is the one stored is taken to hold the bytes stored
 * for it, so only changed files are read and hashed. When anything differs, what it read
 * is given back, so the run that follows neither lists the tree again nor reads the files
 * whose stamp did not change.
 */
export function replayRun(command: CheckCommand, cwd: string): Replay {
  if (command.cache === undefined || command.base !== undefined) return {};
  const record = readRecord(join(resolve(cwd, command.cache), 'run.json'));
  if (record?.key !== runKey(command, cwd)) return {};
  let read = 0;
  const cacheFolder = resolve(cwd, command.cache);
  const known: KnownFiles = { trees: new Map(), files: new Map() };
  try {
    const digest = fingerprint(command, cwd, record, {
      tree: (root) => {
        const { tree } = listFiles(root, () => false, cacheFolder);
        known.trees.set(root, tree);
        return tree;
      },
      config: (file) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined),
      key: (file, index) => {
        const stored = record.stamps[index];
        const stamp = stampOf(file);
        if (stored && sameStamp(stamp, stored)) {
          known.files.set(file, { stamp, key: record.keys[index]! });
          return record.keys[index]!;
        }
        read++;
        return contentKey(readFileSync(file));
      },
    });
    if (digest === record.digest) return { output: { stdout: record.stdout, stderr: record.stderr, code: record.code, files: record.gated.length, read } };
    return { known };
  } catch {
    return {}; // A file went away while being read: run for real, which reports it.
  }
}

/** Stores a run's output with what it read, replacing the previous run. */
export function saveRun(request: { command: CheckCommand; cwd: string; inputs: RunInputs; output: RunOutput }): void {
  const { command, cwd, inputs, output } = request;
  if (command.cache === undefined || command.base !== undefined) return;
  const used = { configs: [...inputs.configs.keys()], gated: [...inputs.gated.keys()] };
  const digest = fingerprint(command, cwd, used, {
    tree: (root) => inputs.trees.get(root) ?? [],
    config: (file) => inputs.configs.get(file),
    key: (file) => inputs.gated.get(file)!,
  });
  const trusted = inputs.since - RACY_MARGIN_MS;
  const stamps = used.gated.map((file) => {
    const stamp = inputs.stamps.get(file);
    return stamp !== undefined && stamp[1] < trusted && stamp[2] < trusted ? stamp : null;
  });
  const keys = used.gated.map((file) => inputs.gated.get(file)!);
  const record: RunRecord = { key: runKey(command, cwd), digest, ...used, keys, stamps, ...output };
  writeCacheFile(join(resolve(cwd, command.cache), 'run.json'), KIND, record);
}

function runKey(command: CheckCommand, cwd: string): string {
  const { paths, config, preset, format, quiet } = command;
  return contentKey(JSON.stringify({ specgate: readVersion(), model: MODEL_VERSION, cwd, paths, config, preset, format, quiet: quiet === true }));
}

function fingerprint(command: CheckCommand, cwd: string, used: Pick<RunRecord, 'configs' | 'gated'>, read: Reader): string {
  const hash = createHash('sha256');
  const put = (...parts: string[]): void => void hash.update(`${parts.join('\0')}\n`);
  for (const path of command.paths) {
    const target = resolve(cwd, path);
    if (!statSync(target).isDirectory()) {
      put('file', target);
      continue;
    }
    const { root, under } = command.config === undefined ? findRoot(target) : { root: target, under: '' };
    put('folder', root, under, ...[...read.tree(root)].sort());
  }
  for (const file of used.configs) {
    const text = read.config(file);
    put('config', file, text === undefined ? '' : contentKey(text));
  }
  for (const [index, file] of used.gated.entries()) put('gated', file, read.key(file, index));
  return hash.digest('hex');
}

function readRecord(file: string): RunRecord | undefined {
  const record = readCacheFile(file, KIND) as Partial<RunRecord> | undefined;
  const valid = typeof record?.key === 'string' && typeof record.digest === 'string' && Array.isArray(record.configs)
    && Array.isArray(record.gated) && Array.isArray(record.keys) && Array.isArray(record.stamps)
    && record.keys.length === record.gated.length && record.stamps.length === record.gated.length
    && record.stamps.every((stamp) => stamp === null || (Array.isArray(stamp) && stamp.length === 4 && stamp.every((part) => typeof part === 'number')))
    && typeof record.stdout === 'string' && typeof record.stderr === 'string' && typeof record.code === 'number';
  return valid ? (record as RunRecord) : undefined;
}
