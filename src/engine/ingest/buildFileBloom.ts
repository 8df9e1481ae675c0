import { decodeLogFile } from '../../cloudtrail/decodeLogFile';
import { startsAsRecordsEnvelope } from '../../cloudtrail/shapes/startsAsRecordsEnvelope';
import { inflateLayers } from '../../lib/inflateLayers';
import { buildTokenBloom } from '../../index/tokenBloom';
import { stringifyJson } from '../../lib/stringifyJson';

/**
 * The word filter of a stored log file from its original bytes: inflated (every gzip layer), then
 * a trail file's `{"Records":[…]}` text is scanned as is (no JSON.parse). Other shapes can hold a
 * record inside a JSON string (CloudWatch Logs messages, lookup-events' CloudTrailEvent) whose
 * escapes would hide or merge words, so their decoded records are scanned as JSON instead.
 * Undefined when the bytes no longer decode.
 */
export async function buildFileBloom(
  bytes: Uint8Array<ArrayBuffer>,
): Promise<Uint32Array | undefined> {
  try {
    const text = (await inflateLayers(bytes)).bytes;
    if (startsAsRecordsEnvelope(text)) return buildTokenBloom(text);
    const { content } = await decodeLogFile(bytes);
    if (content.kind !== 'records') return buildTokenBloom(text);
    return buildTokenBloom(new TextEncoder().encode(stringifyJson(content.records)));
  } catch {
    return undefined;
  }
}
