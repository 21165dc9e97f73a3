import { checkConfigSize, type ConfigError } from '../../engine/index.js';

/** `.github/specgate.yml` (or an `_extends` target) too large to parse; carries the config error to show. */
export class ConfigFileTooLargeError extends Error {
  readonly configError: ConfigError;

  constructor(configError: ConfigError) {
    super(configError.message);
    this.name = 'ConfigFileTooLargeError';
    this.configError = configError;
  }
}

interface RequestHook {
  hook: { after(name: 'request', hook: (response: { data: unknown }, options: Record<string, unknown>) => void): void };
}

/**
 * Octokit plugin for the App: Probot's config loader fetches the file raw and parses the
 * YAML on the event loop, whatever its size (5 MB took seconds). This refuses a raw
 * `specgate.yml` over the engine's byte cap before the loader sees it.
 */
export function limitConfigFile(octokit: RequestHook): void {
  octokit.hook.after('request', (response, options) => {
    const { url, path, mediaType } = options as { url?: string; path?: unknown; mediaType?: { format?: string } };
    if (url !== '/repos/{owner}/{repo}/contents/{path}' || mediaType?.format !== 'raw') return;
    if (typeof path !== 'string' || !/specgate\.ya?ml$/.test(path) || typeof response.data !== 'string') return;
    const error = checkConfigSize(response.data);
    if (error) throw new ConfigFileTooLargeError(error);
  });
}
