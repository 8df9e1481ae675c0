import { gunzip, isGzip } from './gunzip';

/** A file's bytes with every gzip layer taken off. */
export interface InflatedLayers {
  /** The innermost bytes (the input itself when it is not gzip). */
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** Gzip layers taken off: 0 for plain bytes, 1 for a `.gz`, 2 for a file gzipped twice. */
  readonly layers: number;
  /**
   * Bytes after the end of the outer gzip data (0 when clean or not gzip): a finding for integrity
   * checks, which are about the file as given, so inner layers are not counted.
   */
  readonly trailingBytes: number;
}

/** Real pipelines wrap at most twice (a gzipped payload re-compressed by Firehose); more is a bomb. */
const MAX_LAYERS = 4;

/**
 * Inflates `bytes` while the result still starts with the gzip magic: CloudWatch Logs subscription
 * payloads are gzip, and Firehose may gzip its batch of them again. Each layer may hold several gzip
 * members (Firehose writes one per record, back to back); `gunzip` reads them all.
 * @param maxBytes inflated bytes allowed per layer (see gunzip).
 * @throws Error with a readable message when a layer is corrupt or truncated, or when there are more
 *   than 4 layers; TooLargeError past `maxBytes`.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/SubscriptionFilters.html
 */
export async function inflateLayers(
  bytes: Uint8Array<ArrayBuffer>,
  maxBytes = Infinity,
): Promise<InflatedLayers> {
  if (!isGzip(bytes)) return { bytes, layers: 0, trailingBytes: 0 };
  const outer = await gunzip(bytes, maxBytes);
  let inner = outer.bytes;
  let layers = 1;
  while (isGzip(inner)) {
    if (layers === MAX_LAYERS) throw new Error(`Gzipped more than ${MAX_LAYERS} times`);
    inner = (await gunzip(inner, maxBytes)).bytes;
    layers++;
  }
  return { bytes: inner, layers, trailingBytes: outer.trailingBytes };
}
