import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { MODEL_VERSION } from '../engine/types.js';
import { contentKey } from './hash-content.js';
import { readVersion } from './version.js';

/**
 * A cache file: one header line (JSON: what the file holds, the package version, the
 * document model version, the sha256 and length of the rest), then the payload as JSON.
 * The checksum makes a truncated or hand-edited file read as absent, never as data.
 */
interface Header {
  cache: string;
  specgate: string;
  model: number;
  sha256: string;
  bytes: number;
}

/** The payload of a cache file written by this version for `kind`, or undefined (absent, corrupt, foreign, other version). */
export function readCacheFile(file: string, kind: string): unknown {
  let buffer: Buffer;
  try {
    buffer = readFileSync(file);
  } catch {
    return undefined;
  }
  const newline = buffer.indexOf(0x0a);
  if (newline < 0) return undefined;
  try {
    const header = JSON.parse(buffer.subarray(0, newline).toString('utf8')) as Partial<Header> | null;
    const payload = buffer.subarray(newline + 1);
    if (header?.cache !== kind || header.specgate !== readVersion() || header.model !== MODEL_VERSION) return undefined;
    if (header.bytes !== payload.byteLength || header.sha256 !== contentKey(payload)) return undefined;
    return JSON.parse(payload.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Writes a cache file atomically: a temporary file next to it, then a rename over it. */
export function writeCacheFile(file: string, kind: string, payload: unknown): void {
  writeCacheJson(file, kind, JSON.stringify(payload));
}

/** {@link writeCacheFile} for a payload already serialised as JSON. */
export function writeCacheJson(file: string, kind: string, json: string): void {
  writeCacheBytes(file, kind, Buffer.from(json, 'utf8'));
}

/** {@link writeCacheFile} for a payload already serialised as JSON, in UTF-8. */
export function writeCacheBytes(file: string, kind: string, body: Uint8Array): void {
  const header: Header = { cache: kind, specgate: readVersion(), model: MODEL_VERSION, sha256: contentKey(body), bytes: body.byteLength };
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), body]));
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}
