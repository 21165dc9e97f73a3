import picomatch from 'picomatch';
import type { Rule } from '../rule.js';
import type { Family, Severity } from '../types.js';
import { PRESETS } from './presets.js';
import { DEFAULT_EXCLUDE, DEFAULT_KEEP, type Config, type RuleSetting } from './schema.js';

/** The effective setting of one rule for one document. */
export interface EffectiveRule {
  severity: Severity | 'off';
  options: Record<string, unknown>;
}

const matchers = new Map<string, (path: string) => boolean>();
function matcher(glob: string): (path: string) => boolean {
  let m = matchers.get(glob);
  if (!m) {
    m = picomatch(glob, { dot: true });
    matchers.set(glob, m);
  }
  return m;
}

function matchesAny(path: string, globs: readonly string[]): boolean {
  return globs.some((glob) => matcher(glob)(path));
}

function isUnder(path: string, root: string): boolean {
  const clean = root.replace(/^\.\/|\/+$/g, '');
  if (clean === '' || clean === '.') return true;
  if (/[*?[{]/.test(clean)) return matcher(`${clean}/**`)(path);
  return path === clean || path.startsWith(`${clean}/`);
}

/** Whether the config's `exclude` or the built-in exclusions skip a path, wherever it lies. */
export function isExcluded(path: string, config: Config): boolean {
  if (matchesAny(path, config.exclude)) return true;
  return matchesAny(path, DEFAULT_EXCLUDE) && !matchesAny(path, DEFAULT_KEEP);
}

/** Whether a repository path is a document the config gates: markdown in a root, or the constitution. */
export function isGated(path: string, config: Config): boolean {
  if (!/\.(md|markdown)$/i.test(path)) return false;
  if (config.constitution.includes(path) || matchesAny(path, config.constitution)) return true;
  if (isExcluded(path, config)) return false;
  return config.roots.some((root) => isUnder(path, root));
}

/** The preset that applies to a document: the config's (or an override's) choice, else its family. */
export function presetFor(path: string, family: Family, config: Config): Family {
  let chosen = config.preset;
  for (const entry of config.overrides) {
    if (entry.preset && matchesAny(path, entry.files)) chosen = entry.preset;
  }
  return chosen === 'auto' ? family : chosen;
}

/** Default severity → preset → `rules` → each matching override, later winning. */
export function effectiveRule(rule: Rule, path: string, family: Family, config: Config): EffectiveRule {
  const result: EffectiveRule = { severity: rule.meta.severity, options: {} };
  const apply = (setting: RuleSetting | undefined): void => {
    if (setting === undefined) return;
    if (typeof setting === 'string') {
      result.severity = setting;
      return;
    }
    if (setting.severity) result.severity = setting.severity;
    if (setting.options) result.options = { ...result.options, ...setting.options };
  };
  apply(PRESETS[presetFor(path, family, config)][rule.meta.id]);
  apply(config.rules[rule.meta.id]);
  for (const entry of config.overrides) {
    if (entry.rules && matchesAny(path, entry.files)) apply(entry.rules[rule.meta.id]);
  }
  return result;
}
