import { isObject } from '../../lib/isObject';

/**
 * Reads digest signatures the user saved from S3 object metadata (the only place the newest
 * digest's signature exists): `aws s3api head-object` output (`{"Metadata":{"signature": hex,
 * "signature-algorithm": "SHA256withRSA"}}`), whose digest is named by `forName` (the sidecar's
 * file name without its `.json` / `.metadata.json` suffix, or the `Key` of the output when
 * present), or a map `{ "<digest key or file name>": hex | {signature: hex} }`.
 * Returns signatures by digest key or file name (both are tried when matching). Never throws.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-custom-validation.html
 */
export function readDigestSignatures(value: unknown, forName?: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!isObject(value)) return out;
  const metadata = value['Metadata'];
  if (isObject(metadata)) {
    const signature = metadata['signature'];
    const key = typeof value['Key'] === 'string' ? value['Key'] : forName;
    if (typeof signature === 'string' && isHex(signature) && key !== undefined) {
      out.set(stripSidecar(key), signature.toLowerCase());
    }
    return out;
  }
  for (const [key, v] of Object.entries(value)) {
    const signature = typeof v === 'string' ? v : isObject(v) ? v['signature'] : undefined;
    if (typeof signature === 'string' && isHex(signature))
      out.set(stripSidecar(key), signature.toLowerCase());
  }
  return out;
}

function isHex(s: string): boolean {
  return s.length > 0 && s.length % 2 === 0 && /^[0-9a-fA-F]+$/.test(s);
}

/** `x.json.gz.metadata.json` or `x.json.gz.json` → `x.json.gz`. */
function stripSidecar(name: string): string {
  return name.replace(/(\.metadata)?\.json$/, '');
}
