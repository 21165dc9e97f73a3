import type { ConfigError } from './load.js';
import { CONFIG_LIMITS } from './schema.js';

const TOP_LEVEL_KEY = /^(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*:(?:\s|$)/;

/** The number of UTF-8 bytes of `text`, without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** The top-level key whose block takes the most bytes, with its 1-based line: found line by line, without parsing. */
function largestKey(text: string): { key: string; line: number; bytes: number } | undefined {
  let best: { key: string; line: number; bytes: number } | undefined;
  let current: { key: string; line: number; bytes: number } | undefined;
  let line = 0;
  for (let start = 0; start < text.length;) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end + 1;
    line += 1;
    const match = TOP_LEVEL_KEY.exec(text.slice(start, Math.min(stop, start + 200)));
    if (match) {
      current = { key: match[1] ?? match[2] ?? match[3]!, line, bytes: 0 };
      if (!best) best = current;
    }
    if (current) {
      current.bytes += utf8Length(text.slice(start, stop));
      if (current.bytes > best!.bytes) best = current;
    }
    start = stop;
  }
  return best;
}

/**
 * The error for a config file over {@link CONFIG_LIMITS.fileBytes}, checked before the
 * YAML is parsed (parsing 5 MB took seconds); it names the top-level key that fills the
 * file, so the fix is clear. `undefined` when the file fits.
 */
export function checkConfigSize(text: string): ConfigError | undefined {
  const max = CONFIG_LIMITS.fileBytes;
  // Every UTF-16 unit is at least one byte and at most three.
  if (text.length * 3 <= max) return undefined;
  const total = utf8Length(text);
  if (total <= max) return undefined;
  const key = largestKey(text);
  const fix = 'Shorten the file: a glob such as `docs/generated/**` covers a whole folder, instead of listing its files one by one.';
  if (!key) return { path: '(root)', line: 1, message: `Unexpected config file of ${total} bytes, expected at most ${max}`, fix };
  return { path: key.key, line: key.line, message: `Unexpected config file of ${total} bytes (\`${key.key}\` takes ${key.bytes}), expected at most ${max}`, fix };
}
