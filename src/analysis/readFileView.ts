import { parseS3Key } from '../cloudtrail/parseS3Key';
import type { TrailFileKey } from '../cloudtrail/parseS3Key';
import { gunzip, isGzip } from '../lib/gunzip';
import { sha256Hex } from '../lib/sha256Hex';
import type { CairnDatabase } from '../db/cairnDb';
import { getFile, loadFileBytes } from '../db/cairnDb';
import type { FileMeta } from '../db/types';

/** Decompressed text sent to the file view at most: a trail file is ≈1–10 MB of JSON inflated. */
export const FILE_TEXT_LIMIT = 2 ** 20;

/** Gzip layers taken off for the text view; real pipelines wrap at most twice. */
const MAX_LAYERS = 3;

/** Everything the file view shows about one stored file. */
export interface FileView {
  readonly meta: FileMeta;
  /** The trail's S3 layout read from the path, when the name is CloudTrail's. */
  readonly key?: TrailFileKey;
  /** Distinct events with this file as a source, re-deliveries included (0 for a digest). */
  readonly events: number;
  /** The start of the decompressed content (UTF-8, at most `limit` bytes of it). */
  readonly text: string;
  /** Whether `text` is only the start of the content. */
  readonly truncated: boolean;
  /** Size of the decompressed content in bytes (the size as given when not gzip). */
  readonly inflatedSize: number;
  /** Hex SHA-256 of the content with one gzip layer off: what a digest's `hashValue` lists. */
  readonly inflatedSha256?: string;
  /** Gzip layers taken off for `text` (2 for a file gzipped twice). */
  readonly layers: number;
  /** Why the stored bytes could not be read or inflated, if so. */
  readonly readError?: string;
}

/**
 * Reads stored file `fileId` for the file view: its meta, its S3 key, and the start of its content
 * decompressed (gzip members are read to the end of the data; bytes after it are counted in the meta
 * as a tampering signal, not shown). `events` is supplied by the caller (the sources tree's counts).
 * Undefined when no such file is stored. `inflatedSha` caches the uncompressed hash per fileId
 * (shared with digest validation, which hashes the same bytes).
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-digest-file-structure.html
 */
export async function readFileView(args: {
  readonly db: CairnDatabase;
  readonly fileId: number;
  readonly events: number;
  readonly inflatedSha: Map<number, string | undefined>;
  readonly bytes?: Uint8Array<ArrayBuffer>;
  readonly limit?: number;
}): Promise<FileView | undefined> {
  const { db, fileId } = args;
  const meta = await getFile(db, fileId);
  if (meta === undefined) return undefined;
  const limit = args.limit ?? FILE_TEXT_LIMIT;
  const key = parseS3Key(meta.path);
  const base = { meta, ...(key === undefined ? {} : { key }), events: args.events };
  const stored = args.bytes ?? (await loadFileBytes(db, fileId));
  if (stored === undefined) {
    return {
      ...base,
      text: '',
      truncated: false,
      inflatedSize: 0,
      layers: 0,
      readError: 'The stored bytes are missing',
    };
  }
  let content = stored;
  let layers = 0;
  let readError: string | undefined;
  try {
    while (isGzip(content) && layers < MAX_LAYERS) {
      content = (await gunzip(content)).bytes;
      layers++;
      if (layers === 1 && !args.inflatedSha.has(fileId))
        args.inflatedSha.set(fileId, await sha256Hex(content));
    }
  } catch (error) {
    readError = error instanceof Error ? error.message : String(error);
  }
  if (layers === 0 && readError === undefined && !args.inflatedSha.has(fileId))
    args.inflatedSha.set(fileId, meta.sha256);
  const shown = content.subarray(0, limit);
  const inflatedSha256 = args.inflatedSha.get(fileId);
  return {
    ...base,
    // `stream` holds back a character cut at the limit instead of showing a replacement mark.
    text:
      layers === 0 && readError !== undefined
        ? ''
        : new TextDecoder().decode(shown, { stream: content.length > limit }),
    truncated: content.length > limit,
    inflatedSize: content.length,
    ...(inflatedSha256 === undefined ? {} : { inflatedSha256 }),
    layers,
    ...(readError === undefined ? {} : { readError }),
  };
}
