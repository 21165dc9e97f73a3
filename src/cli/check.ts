import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { evaluate, isGated, type Config, type FindingCache, type ModelCache, type Report, type SourceFile } from '../engine/index.js';
import type { CheckCommand } from './args.js';
import { UsageError } from './errors.js';
import { findRoot } from './find-root.js';
import { contentKey } from './hash-content.js';
import { readStamped, type FileStamp } from './file-stamp.js';
import { listFiles } from './list-files.js';
import { mergeReports, prefixPaths } from './merge-reports.js';
import { readBase } from './read-base.js';
import { readConfig } from './read-config.js';
import type { KnownFiles, RunInputs } from './run-cache.js';

export interface CheckResult {
  report: Report;
  /** Files given on the command line that were not checked, and why. */
  skipped: string[];
  /** One line per directory in which nothing was checked, naming the roots looked at. */
  nothingChecked: string[];
}

/** One evaluation of a check: a directory root, or the files given one by one. */
export interface CheckJob {
  files: SourceFile[];
  config: Config;
  tree?: Set<string>;
  base?: ReadonlyMap<string, string>;
  /** Prefixed to every path of the job's report (several targets). */
  prefix?: string;
}

/** What a check will evaluate, read from disk, and what its result depends on. */
export interface CheckPlan extends Omit<CheckResult, 'report'> {
  jobs: CheckJob[];
  inputs: RunInputs;
}

/**
 * `specgate check`: each directory is evaluated as a repository root with its own
 * config; the files given one by one are evaluated together, rooted at the working
 * directory. With several targets, paths are prefixed by each root's path from the
 * working directory so they stay unambiguous. With `models`, each file is keyed by a
 * hash of its bytes and documents already parsed are not parsed again.
 */
export function check(command: CheckCommand, cwd: string, models?: ModelCache): CheckResult {
  return evaluatePlan(planCheck(command, cwd, { keyed: models !== undefined }), models);
}

/** Evaluates a plan's jobs and merges their reports; `findings` lets unchanged documents keep their findings of an earlier run. */
export function evaluatePlan(plan: CheckPlan, models?: ModelCache, findings?: FindingCache): CheckResult {
  const reports = plan.jobs.map(({ files, config, tree, base, prefix }) => {
    const report = evaluate({ files, config, ...(tree ? { tree } : {}), ...(base ? { base } : {}), ...(models ? { models } : {}), ...(findings ? { findings } : {}) });
    return prefix === undefined ? report : prefixPaths(report, prefix);
  });
  return { report: mergeReports(reports), skipped: plan.skipped, nothingChecked: plan.nothingChecked };
}

/** Reads configs and files for a check; `keyed` gives each file its content key. */
export function planCheck(command: CheckCommand, cwd: string, options: { keyed: boolean; known?: KnownFiles }): CheckPlan {
  const targets = command.paths.map((path) => resolve(cwd, path));
  for (const [i, target] of targets.entries()) {
    if (!existsSync(target)) throw new UsageError(`No such file or directory: \`${command.paths[i]}\``);
  }
  const folders = targets.filter((target) => statSync(target).isDirectory());
  const files = targets.filter((target) => !folders.includes(target));
  const configFile = command.config === undefined ? undefined : resolve(cwd, command.config);
  const cacheFolder = command.cache === undefined ? undefined : resolve(cwd, command.cache);
  const skipped: string[] = [];
  const inputs: RunInputs = { configs: new Map(), trees: new Map(), gated: new Map(), stamps: new Map(), since: Date.now(), read: 0 };
  const onRead = (): void => void inputs.read++;
  const configFor = (root: string): Config => readConfig({
    root, cwd, skipped: (reason) => skipped.push(reason), read: (file, text) => inputs.configs.set(file, text),
    ...(configFile ? { file: configFile } : {}), ...(command.preset ? { preset: command.preset } : {}),
  });
  const keyOf = (path: string, file: SourceFile, stamp: FileStamp): SourceFile => {
    if (!options.keyed) return file;
    // A file known to be unchanged comes with its key (see KnownFiles) and is not read here.
    const key = file.key ?? contentKey(file.content as Uint8Array);
    inputs.gated.set(path, key);
    inputs.stamps.set(path, stamp);
    // Not spread: the content of a file known to be unchanged is read only if the engine reads it.
    return file.key === key ? file : { ...file, key };
  };
  const several = targets.length > 1;

  const nothingChecked: string[] = [];
  const jobs = folders.map((target): CheckJob => {
    const { root, under } = configFile ? { root: target, under: '' } : findRoot(target);
    const config = configFor(root);
    const inTarget = (path: string): boolean => under === '' || path.startsWith(`${under}/`);
    const { known } = options;
    const listed = listFiles(root, (path) => inTarget(path) && isGated(path, config), cacheFolder, {
      onRead,
      ...(known ? { file: (absolute: string) => known.files.get(absolute) } : {}),
      ...(known?.trees.has(root) ? { tree: known.trees.get(root)! } : {}),
    });
    inputs.trees.set(root, listed.tree);
    const sources = listed.files.map((file) => keyOf(join(root, file.path), file, listed.stamps.get(file.path)!));
    if (sources.length === 0) nothingChecked.push(nothingUnder(relative(cwd, target) || '.', config));
    const base = command.base === undefined ? undefined : readBase(root, command.base, sources.map((source) => source.path));
    return { files: sources, config, tree: listed.tree, ...(base ? { base } : {}), ...(several ? { prefix: toPosix(relative(cwd, root)) } : {}) };
  });
  if (files.length > 0) {
    const job = planFiles({ targets: files, cwd, config: configFor(cwd), skipped, keyOf, ...(command.base !== undefined ? { baseRef: command.base } : {}) });
    inputs.read += job.files.length;
    jobs.push(job);
  }
  return { jobs, skipped, nothingChecked, inputs };
}

function nothingUnder(shown: string, config: Config): string {
  return `no spec documents found under ${toPosix(shown)}: looked in ${config.roots.map((root) => `\`${root}\``).join(', ')}; set \`roots\` in .github/specgate.yml to gate other folders`;
}

interface FilesRequest {
  targets: readonly string[];
  cwd: string;
  config: Config;
  baseRef?: string;
  skipped: string[];
  keyOf: (path: string, file: SourceFile, stamp: FileStamp) => SourceFile;
}

function planFiles({ targets, cwd, config, baseRef, skipped, keyOf }: FilesRequest): CheckJob {
  const paths = targets.map((target) => toPosix(relative(cwd, target)));
  // A file named on the command line is checked even outside the configured roots.
  const widened: Config = { ...config, roots: [...config.roots, ...paths] };
  const sources: SourceFile[] = [];
  for (const [i, path] of paths.entries()) {
    if (isGated(path, widened)) {
      const { bytes, stamp } = readStamped(targets[i]!);
      sources.push(keyOf(targets[i]!, { path, content: bytes }, stamp));
    }
    else skipped.push(/\.(md|markdown)$/i.test(path) ? `${path}: excluded by the config or a built-in exclusion` : `${path}: not a markdown file (.md, .markdown)`);
  }
  const base = baseRef === undefined ? undefined : readBase(cwd, baseRef, sources.map((source) => source.path));
  return { files: sources, config: widened, ...(base ? { base } : {}) };
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
