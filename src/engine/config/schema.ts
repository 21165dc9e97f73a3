import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
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

// zod/mini loads no messages of its own; config errors quote zod's English ones.
z.config(en());

const glob = z.string().check(z.minLength(1), z.maxLength(CONFIG_LIMITS.globLength));
const globs = (max: number) => z.array(glob).check(z.maxLength(max));

const severity = z.enum(['error', 'warning', 'notice', 'off']);

const ruleSetting = z.union([
  severity,
  z.strictObject({
    severity: z.optional(severity),
    options: z.optional(z.record(z.string(), z.unknown())),
  }),
]);

const rules = z.record(z.string(), ruleSetting);

const preset = z.enum(['auto', ...FAMILIES]);

const override = z.strictObject({
  files: globs(CONFIG_LIMITS.overrideFiles).check(z.minLength(1)),
  preset: z.optional(preset),
  rules: z.optional(rules),
});

const clarificationIssues = z.strictObject({
  mode: z._default(z.enum(['on-open', 'command', 'off']), 'on-open'),
  'max-per-pr': z._default(z.int().check(z.minimum(0), z.maximum(100)), 10),
  labels: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(CONFIG_LIMITS.labelLength))).check(z.maxLength(CONFIG_LIMITS.labels)), ['specgate', 'needs-clarification']),
});

/** A schema with its description for the JSON Schema (`npm run schema`). */
function described<Schema extends z.ZodMiniType>(schema: Schema, description: string): Schema {
  z.globalRegistry.add(schema, { description });
  return schema;
}

/** `.github/specgate.yml`. Every key is optional; an empty file is a valid config. */
export const configSchema = z.strictObject({
  roots: described(z._default(globs(CONFIG_LIMITS.roots), DEFAULT_ROOTS), 'Folders whose markdown documents are gated.'),
  exclude: described(z._default(globs(CONFIG_LIMITS.exclude), []), 'Globs skipped in addition to the built-in template and agent folders.'),
  constitution: described(z._default(globs(CONFIG_LIMITS.constitution), DEFAULT_CONSTITUTION), 'Candidate paths of the project constitution; the first that exists is used.'),
  preset: described(z._default(preset, 'auto'), 'Rule preset: `auto` picks one per document from its detected family.'),
  'fail-on': described(z._default(z.enum(['error', 'warning']), 'error'), 'Lowest severity that fails a gate.'),
  'max-file-size': described(z._default(z.int().check(z.positive(), z.maximum(CONFIG_LIMITS.maxFileSize)), 1_048_576), 'Documents larger than this many bytes fail `completeness` and are only scanned line by line for markers, checkboxes and ids.'),
  rules: described(z._default(rules, {}), 'Per-rule severity (`error`, `warning`, `notice`, `off`) or `{ severity, options }`.'),
  overrides: described(z._default(z.array(override).check(z.maxLength(CONFIG_LIMITS.overrides)), []), 'Per-path presets and rule settings, applied in order (monorepos).'),
  'clarification-issues': described(z._default(clarificationIssues, { mode: 'on-open', 'max-per-pr': 10, labels: ['specgate', 'needs-clarification'] }), 'How the App and the Action keep one issue per open clarification.'),
});

export type Config = z.infer<typeof configSchema>;
export type RuleSetting = z.infer<typeof ruleSetting>;
export type PresetName = z.infer<typeof preset>;
