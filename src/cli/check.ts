import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { evaluate, isGated, type Config, type Report, type SourceFile } from '../engine/index.js';
import type { Command } from './args.js';
import { UsageError } from './errors.js';
import { findRoot } from './find-root.js';
import { listFiles, readBytes } from './list-files.js';
import { mergeReports, prefixPaths } from './merge-reports.js';
import { readBase } from './read-base.js';
import { readConfig } from './read-config.js';

type CheckCommand = Extract<Command, { name: 'check' }>;

export interface CheckResult {
  report: Report;
  /** Files given on the command line that were not checked, and why. */
  skipped: string[];
  /** One line per directory in which nothing was checked, naming the roots looked at. */
  nothingChecked: string[];
}

/**
 * `specgate check`: each directory is evaluated as a repository root with its own
 * config; the files given one by one are evaluated together, rooted at the working
 * directory. With several targets, paths are prefixed by each root's path from the
 * working directory so they stay unambiguous.
 */
export function check(command: CheckCommand, cwd: string): CheckResult {
  const targets = command.paths.map((path) => resolve(cwd, path));
  for (const [i, target] of targets.entries()) {
    if (!existsSync(target)) throw new UsageError(`No such file or directory: \`${command.paths[i]}\``);
  }
  const folders = targets.filter((target) => statSync(target).isDirectory());
  const files = targets.filter((target) => !folders.includes(target));
  const configFile = command.config === undefined ? undefined : resolve(cwd, command.config);
  const skipped: string[] = [];
  const configFor = (root: string): Config =>
    readConfig({ root, cwd, skipped: (reason) => skipped.push(reason), ...(configFile ? { file: configFile } : {}), ...(command.preset ? { preset: command.preset } : {}) });
  const several = targets.length > 1;

  const nothingChecked: string[] = [];
  const reports = folders.map((target) => {
    const { root, under } = configFile ? { root: target, under: '' } : findRoot(target);
    const config = configFor(root);
    const inTarget = (path: string): boolean => under === '' || path.startsWith(`${under}/`);
    const { tree, files: sources } = listFiles(root, (path) => inTarget(path) && isGated(path, config));
    if (sources.length === 0) nothingChecked.push(nothingUnder(relative(cwd, target) || '.', config));
    const base = command.base === undefined ? undefined : readBase(root, command.base, sources.map((source) => source.path));
    const report = evaluate({ files: sources, config, tree, ...(base ? { base } : {}) });
    return several ? prefixPaths(report, toPosix(relative(cwd, root))) : report;
  });
  if (files.length > 0) {
    const result = checkFiles({ targets: files, cwd, config: configFor(cwd), ...(command.base !== undefined ? { baseRef: command.base } : {}) });
    reports.push(result.report);
    skipped.push(...result.skipped);
  }
  return { report: mergeReports(reports), skipped, nothingChecked };
}

function nothingUnder(shown: string, config: Config): string {
  return `no spec documents found under ${toPosix(shown)}: looked in ${config.roots.map((root) => `\`${root}\``).join(', ')}; set \`roots\` in .github/specgate.yml to gate other folders`;
}

interface FilesRequest {
  targets: readonly string[];
  cwd: string;
  config: Config;
  baseRef?: string;
}

function checkFiles({ targets, cwd, config, baseRef }: FilesRequest): Omit<CheckResult, 'nothingChecked'> {
  const paths = targets.map((target) => toPosix(relative(cwd, target)));
  // A file named on the command line is checked even outside the configured roots.
  const widened: Config = { ...config, roots: [...config.roots, ...paths] };
  const skipped: string[] = [];
  const sources: SourceFile[] = [];
  for (const [i, path] of paths.entries()) {
    if (isGated(path, widened)) sources.push({ path, content: readBytes(targets[i]!) });
    else skipped.push(/\.(md|markdown)$/i.test(path) ? `${path}: excluded by the config or a built-in exclusion` : `${path}: not a markdown file (.md, .markdown)`);
  }
  const base = baseRef === undefined ? undefined : readBase(cwd, baseRef, sources.map((source) => source.path));
  return { report: evaluate({ files: sources, config: widened, ...(base ? { base } : {}) }), skipped };
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
