import { readFileSync } from 'node:fs';

/** The package version; `package.json` sits two folders up from both `src/cli` and `build/cli`. */
export function readVersion(): string {
  const data: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return typeof data === 'object' && data !== null && 'version' in data ? String(data.version) : '0.0.0';
}
