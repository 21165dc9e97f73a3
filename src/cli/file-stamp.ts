import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

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
    const stats = fstatSync(fd);
    const chunks: Buffer[] = [];
    let total = 0;
    // Read to the end rather than trusting `size`: the file may grow while it is read.
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.max(stats.size - total, 0) + 1);
      const read = readSync(fd, chunk, 0, chunk.byteLength, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
    }
    const buffer = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
    return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), stamp: stampOfStats(stats) };
  } finally {
    closeSync(fd);
  }
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];
}
