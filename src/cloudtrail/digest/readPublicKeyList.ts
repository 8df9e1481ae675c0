import { isObject } from '../../lib/isObject';
import { parseUtcTime } from '../../lib/parseUtcTime';
import { readPublicKey } from '../../lib/rsaPublicKey';

/**
 * One entry of a CloudTrail public key list, as read: the fingerprint it declares (lower case; AWS
 * does not document how it is computed, so it is only a label), the key as SPKI DER, and its
 * validity window in ms since epoch (undefined where the entry gives none or an unreadable time).
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_PublicKey.html
 */
export interface PublicKeyEntry {
  readonly fingerprint: string;
  readonly spki: Uint8Array<ArrayBuffer>;
  readonly validFrom?: number;
  readonly validTo?: number;
}

/**
 * Reads CloudTrail public keys as a user pastes or drops them: the output of
 * `aws cloudtrail list-public-keys` (`{"PublicKeyList":[{Value, ValidityStartTime, ValidityEndTime,
 * Fingerprint}]}`), a bare array of such entries, or one entry. `Value` may be base64 of PKCS#1 or
 * SPKI DER (the API's blob, as the CLI prints it), base64 of that, or PEM. Validity times may be ISO
 * 8601 text (the CLI's output) or seconds since epoch (the API's JSON). Never throws: entries that
 * cannot be read are named in `problems`; `entries[i]` is the JSON entry `keys[i]` was read from (to
 * store as given). Reading a key is not trusting it: the caller decides.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_ListPublicKeys.html
 */
export function readPublicKeyList(value: unknown): {
  readonly keys: PublicKeyEntry[];
  readonly problems: string[];
  readonly entries: unknown[];
} {
  const entries =
    isObject(value) && Array.isArray(value['PublicKeyList'])
      ? value['PublicKeyList']
      : Array.isArray(value)
        ? value
        : [value];
  const keys: PublicKeyEntry[] = [];
  const problems: string[] = [];
  const read: unknown[] = [];
  entries.forEach((entry: unknown, i) => {
    const fingerprint = isObject(entry) ? entry['Fingerprint'] : undefined;
    const text = isObject(entry) ? entry['Value'] : undefined;
    if (!isObject(entry) || typeof fingerprint !== 'string' || typeof text !== 'string') {
      problems.push(`Key ${i + 1}: no Fingerprint and Value`);
      return;
    }
    const spki = readPublicKey(text);
    if (spki === undefined) {
      problems.push(`Key ${fingerprint}: the Value is not an RSA public key`);
      return;
    }
    const validFrom = readTime(entry['ValidityStartTime']);
    const validTo = readTime(entry['ValidityEndTime']);
    keys.push({
      fingerprint: fingerprint.toLowerCase(),
      spki,
      ...(validFrom === undefined ? {} : { validFrom }),
      ...(validTo === undefined ? {} : { validTo }),
    });
    read.push(entry);
  });
  return { keys, problems, entries: read };
}

/** A validity time: ISO 8601 text or seconds since epoch, in ms; undefined when neither. */
function readTime(value: unknown): number | undefined {
  const ms =
    typeof value === 'number'
      ? value * 1000
      : typeof value === 'string'
        ? parseUtcTime(value)
        : NaN;
  return Number.isFinite(ms) ? ms : undefined;
}
