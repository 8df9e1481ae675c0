import { gunzip, isGzip } from '../lib/gunzip';
import { buildTokenBloom } from '../store/tokenBloom';

/**
 * The word filter of a stored log file from its original bytes: inflated when gzip, then scanned as
 * JSON text (no JSON.parse). Undefined when the bytes no longer inflate.
 */
export async function buildFileBloom(
  bytes: Uint8Array<ArrayBuffer>,
): Promise<Uint32Array | undefined> {
  try {
    const json = isGzip(bytes) ? (await gunzip(bytes)).bytes : bytes;
    return buildTokenBloom(json);
  } catch {
    return undefined;
  }
}
