import { createHash } from 'node:crypto';

/**
 * The content key of a file's bytes (sha256, hex): what the model cache is keyed by. Over
 * the 21 MB of the 2,046-file corpus sha256 and sha1 both take about 14 ms.
 */
export function contentKey(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
