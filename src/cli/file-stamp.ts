import { closeSync, fstatSync, openSync, readFileSync, statSync, type Stats } from 'node:fs';

/**
 * What `stat` says of a file: size, modification and change times, inode. A warm
 * `check --cache` trusts a file's stored content key while its stamp is unchanged, as git's
 * index and eslint's cache do, and so reads and hashes only the files that changed.
 */
export type FileStamp = readonly [size: number, mtimeMs: number, ctimeMs: number, ino: number];

/**
 * A stamp is only stored for a file last modified this long before the run started reading.
 * A file changed again within its file system's timestamp granularity (up to 2 s) can keep
 * the same stamp; git calls such files "racily clean" and hashes them every time.
 */
export const RACY_MARGIN_MS = 2000;

function stampOfStats(stats: Stats): FileStamp {
  return [stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino];
}

/** The stamp of a file now; throws as `statSync` does when it is gone. */
export function stampOf(path: string): FileStamp {
  return stampOfStats(statSync(path));
}

/**
 * Reads a file and stamps it from the same open descriptor, before reading: a write that
 * lands after the stamp gives the file a newer stamp, so it is never mistaken for these bytes.
 */
export function readStamped(path: string): { bytes: Uint8Array; stamp: FileStamp } {
  const fd = openSync(path, 'r');
  try {
    const stamp = stampOfStats(fstatSync(fd));
    const buffer = readFileSync(fd);
    return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), stamp };
  } finally {
    closeSync(fd);
  }
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];
}
