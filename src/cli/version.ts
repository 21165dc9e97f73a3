import { readFileSync } from 'node:fs';

let version: string | undefined;

/** The package version, read once; `package.json` sits two folders up from both `src/cli` and `build/cli`. */
export function readVersion(): string {
  if (version === undefined) {
    const data: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    version = typeof data === 'object' && data !== null && 'version' in data ? String(data.version) : '0.0.0';
  }
  return version;
}
