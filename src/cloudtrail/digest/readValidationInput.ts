import { isObject } from '../../lib/isObject';

/** A file that validation reads besides logs and digests: a public key list or a saved signature. */
export interface ValidationInput {
  readonly kind: 'publicKeys' | 'signature';
  /** The parsed JSON, handed as is to readPublicKeyList / readDigestSignatures. */
  readonly value: unknown;
}

const HEX = /^[0-9a-fA-F]+$/;
/** A digest file name, to tell a signature map from any other map of strings. */
const DIGEST_NAME = /CloudTrail-Digest_.+\.json(\.gz)?/;

/**
 * Recognises, by content, the files a responder saves next to the logs so digests can be checked
 * offline: `aws cloudtrail list-public-keys` output (`{"PublicKeyList":[{Fingerprint, Value…}]}`),
 * `aws s3api head-object` output of a digest (`{"Metadata":{"signature": hex…}}`), or a map from
 * digest keys or names to signatures. Undefined for anything else. Never throws.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_ListPublicKeys.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-custom-validation.html
 */
export function readValidationInput(value: unknown): ValidationInput | undefined {
  if (!isObject(value)) return undefined;
  const list = value['PublicKeyList'];
  if (Array.isArray(list) && list.some((k) => isObject(k) && typeof k['Fingerprint'] === 'string'))
    return { kind: 'publicKeys', value };
  const metadata = value['Metadata'];
  if (isObject(metadata)) {
    const signature = metadata['signature'];
    return typeof signature === 'string' && HEX.test(signature)
      ? { kind: 'signature', value }
      : undefined;
  }
  const entries = Object.entries(value);
  const isSignatureMap =
    entries.length > 0 &&
    entries.every(([k, v]) => {
      const sig = typeof v === 'string' ? v : isObject(v) ? v['signature'] : undefined;
      return DIGEST_NAME.test(k) && typeof sig === 'string' && HEX.test(sig);
    });
  return isSignatureMap ? { kind: 'signature', value } : undefined;
}
