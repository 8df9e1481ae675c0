import { isObject } from '../../lib/isObject';
import { readPublicKey } from '../../lib/rsaPublicKey';
import type { PublicKeyInput } from './validateDigests';

/**
 * Reads CloudTrail public keys as a user pastes or drops them: the output of
 * `aws cloudtrail list-public-keys` (`{"PublicKeyList":[{Value, ValidityStartTime, ValidityEndTime,
 * Fingerprint}]}`), a bare array of such entries, or one entry. `Value` may be base64 of PKCS#1 or
 * SPKI DER (the API's blob, as the CLI prints it), base64 of that, or PEM. Never throws: entries that
 * cannot be read are named in `problems`.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_ListPublicKeys.html
 */
export function readPublicKeyList(value: unknown): {
  readonly keys: PublicKeyInput[];
  readonly problems: string[];
} {
  const entries =
    isObject(value) && Array.isArray(value['PublicKeyList'])
      ? value['PublicKeyList']
      : Array.isArray(value)
        ? value
        : [value];
  const keys: PublicKeyInput[] = [];
  const problems: string[] = [];
  entries.forEach((entry: unknown, i) => {
    const fingerprint = isObject(entry) ? entry['Fingerprint'] : undefined;
    const text = isObject(entry) ? entry['Value'] : undefined;
    if (typeof fingerprint !== 'string' || typeof text !== 'string') {
      problems.push(`Key ${i + 1}: no Fingerprint and Value`);
      return;
    }
    const spki = readPublicKey(text);
    if (spki === undefined) problems.push(`Key ${fingerprint}: the Value is not an RSA public key`);
    else keys.push({ fingerprint: fingerprint.toLowerCase(), spki });
  });
  return { keys, problems };
}
