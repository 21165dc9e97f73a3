import { z } from 'zod';
import { FAMILIES } from '../types.js';

/** Folders whose markdown is gated unless the config names others: spec-kit's, Spec Kitty's, Kiro's and OpenSpec's. */
export const DEFAULT_ROOTS = ['specs', '.specify/specs', 'docs/specs', 'kitty-specs', 'plans', '.kiro/specs', '.kiro/steering', 'openspec'];

/** Where a constitution is looked for unless the config names another. */
export const DEFAULT_CONSTITUTION = ['.specify/memory/constitution.md', 'memory/constitution.md'];

/**
 * Always skipped, whatever `roots` says: templates and agent command folders are full of
 * literal example markers (`[NEEDS CLARIFICATION]`, `T001`, `CHK001`).
 */
export const DEFAULT_EXCLUDE = [
  '**/templates/**',
  '**/node_modules/**',
  '.specify/templates/**',
  '.specify/scripts/**',
  '.claude/**',
  '.cursor/**',
  '.gemini/**',
  '.github/prompts/**',
  '.github/agents/**',
  '.github/instructions/**',
  '.windsurf/**',
  '.kilocode/**',
  '.roo/**',
  '.opencode/**',
  '.codex/**',
  '.qwen/**',
  '.augment/**',
  '.amazonq/**',
  '**/archive/**',
  // OpenSpec's instructions to agents: its format explained, with example requirements and scenarios.
  'openspec/AGENTS.md',
  '**/openspec/AGENTS.md',
];

/**
 * Gated although {@link DEFAULT_EXCLUDE} matches them: OpenSpec's archived changes are its
 * record of what was done (an archived change with open tasks is a finding).
 */
export const DEFAULT_KEEP = ['openspec/changes/archive/**', '**/openspec/changes/archive/**'];

/**
 * Bounds on config values: far above any real config, low enough that a hostile one costs
 * little (a 5 MB `exclude` list once took minutes, every glob matched against every file).
 */
export const CONFIG_LIMITS = {
  /** Bytes of `.github/specgate.yml`, checked before it is parsed. */
  fileBytes: 256 * 1024,
  roots: 100,
  exclude: 200,
  constitution: 20,
  overrides: 100,
  overrideFiles: 100,
  labels: 10,
  /** Characters of a path or glob. */
  globLength: 500,
  /** GitHub's own limit on a label name. */
  labelLength: 50,
  maxFileSize: 10 * 1024 * 1024,
} as const;

const glob = z.string().min(1).max(CONFIG_LIMITS.globLength);
const globs = (max: number) => z.array(glob).max(max);

const severity = z.enum(['error', 'warning', 'notice', 'off']);

const ruleSetting = z.union([
  severity,
  z
    .object({
      severity: severity.optional(),
      options: z.record(z.string(), z.unknown()).optional(),
    })
    .strict(),
]);

const rules = z.record(z.string(), ruleSetting);

const preset = z.enum(['auto', ...FAMILIES]);

const override = z
  .object({
    files: globs(CONFIG_LIMITS.overrideFiles).min(1),
    preset: preset.optional(),
    rules: rules.optional(),
  })
  .strict();

const clarificationIssues = z
  .object({
    mode: z.enum(['on-open', 'command', 'off']).default('on-open'),
    'max-per-pr': z.number().int().min(0).max(100).default(10),
    labels: z.array(z.string().min(1).max(CONFIG_LIMITS.labelLength)).max(CONFIG_LIMITS.labels).default(['specgate', 'needs-clarification']),
  })
  .strict();

/** `.github/specgate.yml`. Every key is optional; an empty file is a valid config. */
export const configSchema = z
  .object({
    roots: globs(CONFIG_LIMITS.roots).default(DEFAULT_ROOTS).describe('Folders whose markdown documents are gated.'),
    exclude: globs(CONFIG_LIMITS.exclude).default([]).describe('Globs skipped in addition to the built-in template and agent folders.'),
    constitution: globs(CONFIG_LIMITS.constitution).default(DEFAULT_CONSTITUTION).describe('Candidate paths of the project constitution; the first that exists is used.'),
    preset: preset.default('auto').describe('Rule preset: `auto` picks one per document from its detected family.'),
    'fail-on': z.enum(['error', 'warning']).default('error').describe('Lowest severity that fails a gate.'),
    'max-file-size': z.number().int().positive().max(CONFIG_LIMITS.maxFileSize).default(1_048_576).describe('Documents larger than this many bytes fail `completeness` and are only scanned line by line for markers, checkboxes and ids.'),
    rules: rules.default({}).describe('Per-rule severity (`error`, `warning`, `notice`, `off`) or `{ severity, options }`.'),
    overrides: z.array(override).max(CONFIG_LIMITS.overrides).default([]).describe('Per-path presets and rule settings, applied in order (monorepos).'),
    'clarification-issues': clarificationIssues.default({ mode: 'on-open', 'max-per-pr': 10, labels: ['specgate', 'needs-clarification'] }).describe('How the App and the Action keep one issue per open clarification.'),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type RuleSetting = z.infer<typeof ruleSetting>;
export type PresetName = z.infer<typeof preset>;
