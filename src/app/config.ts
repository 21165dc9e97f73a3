import { validateConfig, type Config, type ConfigError } from '../engine/index.js';
import { ConfigFileTooLargeError } from './limit-config-file.js';

/** The repository's config: absent (never opted in by config), valid, or invalid with errors. */
export type LoadedConfig =
  | { state: 'missing'; config: Config }
  | { state: 'valid'; config: Config }
  | { state: 'invalid'; config: Config; errors: ConfigError[] };

interface ConfigReader {
  config<T>(fileName: string): Promise<T | null>;
}

/**
 * Reads `.github/specgate.yml` through Probot's `context.config` — from the default
 * branch only, with `_extends` for org-wide config — and validates it with the engine.
 */
export async function loadConfig(context: ConfigReader): Promise<LoadedConfig> {
  const fallback = validateConfig({});
  if (!fallback.ok) throw new Error('The default config is invalid');
  let data: unknown;
  try {
    data = await context.config<Record<string, unknown>>('specgate.yml');
  } catch (error) {
    if (error instanceof ConfigFileTooLargeError) return { state: 'invalid', config: fallback.config, errors: [error.configError] };
    const status = (error as { status?: number }).status;
    // Only a parse problem is the user's to fix; GitHub failures propagate.
    if (status !== undefined) throw error;
    const message = error instanceof Error ? error.message : String(error);
    return { state: 'invalid', config: fallback.config, errors: [{ path: '(root)', message: message.split('\n')[0] ?? message, fix: 'Fix the YAML syntax of `.github/specgate.yml`.' }] };
  }
  if (data === null || data === undefined) return { state: 'missing', config: fallback.config };
  const { _extends: _ignored, ...rest } = data as Record<string, unknown>;
  const result = validateConfig(rest);
  return result.ok ? { state: 'valid', config: result.config } : { state: 'invalid', config: fallback.config, errors: result.errors };
}
