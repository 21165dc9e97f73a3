import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FAMILIES, parseConfig, type Config } from '../engine/index.js';
import { ConfigFileError, UsageError } from './errors.js';

/** Where a repository keeps its config, relative to its root. */
export const CONFIG_PATH = '.github/specgate.yml';

const PRESETS: readonly string[] = ['auto', ...FAMILIES];

export interface ConfigRequest {
  /** The repository root whose `.github/specgate.yml` applies when `file` is not given. */
  root: string;
  /** `--config FILE`, already resolved against the working directory. */
  file?: string;
  /** `--preset NAME`. */
  preset?: string;
  /** For messages: file paths are shown relative to this folder. */
  cwd: string;
}

/** Reads and validates the config for one root; the default config when the root has none. */
export function readConfig(request: ConfigRequest): Config {
  const file = request.file ?? join(request.root, CONFIG_PATH);
  const shown = relative(request.cwd, file) || file;
  if (request.file !== undefined && !existsSync(file)) throw new UsageError(`Config file \`${shown}\` does not exist`);
  const text = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  const result = parseConfig(text);
  if (!result.ok) throw new ConfigFileError(shown, result.errors);
  if (request.preset === undefined) return result.config;
  if (!PRESETS.includes(request.preset)) {
    throw new UsageError(`Unknown preset \`${request.preset}\`, expected one of ${PRESETS.map((p) => `\`${p}\``).join(', ')}`);
  }
  return { ...result.config, preset: request.preset as Config['preset'] };
}
