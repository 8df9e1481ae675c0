import { parseUtcTime } from '../../lib/parseUtcTime';
import { checkDigestLink } from './checkDigestLink';
import { digestStringToSign } from './digestStringToSign';
import type { DigestInput, DigestVerdict, PublicKeyInput, VerifyFn } from './validateDigests';

/**
 * How far past its validity window a key may have signed: a digest is written after the hour it
 * covers (`digestEndTime`), so a key retired at a rotation can still sign the hour before it.
 */
export const SIGNING_SLACK_MS = 60 * 60 * 1000;

type Judged = Pick<DigestVerdict, 'status' | 'reason'>;

/**
 * Judges one digest file: its link from the digests that follow it (`successors`, by name), then its
 * signature (from a successor whose link to this very file holds, or from supplied S3 metadata)
 * against the trusted key of the fingerprint it names. Only a trusted key, unique for its
 * fingerprint, importable, and valid at `digestEndTime` (± SIGNING_SLACK_MS) can make it valid; a
 * signature that verifies only with an untrusted key is 'untrustedKey'.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-custom-validation.html
 */
export async function judgeDigest(
  d: DigestInput,
  successors: readonly DigestInput[],
  args: { readonly keys: readonly PublicKeyInput[]; readonly verify: VerifyFn },
): Promise<Judged> {
  const linked = successors.filter(
    (next) => checkDigestLink(next.digest, d.digest, d.sha256).status === 'linked',
  );
  const [first] = successors;
  if (first !== undefined && linked.length === 0) {
    const link = checkDigestLink(first.digest, d.digest, d.sha256);
    return {
      status: 'notValid',
      reason: `The next digest ${link.status === 'broken' ? link.reason : 'does not link to it'}`,
    };
  }
  const signatures = [
    ...new Set([
      ...linked.flatMap((n) =>
        n.digest.previousDigestSignature === null ? [] : [n.digest.previousDigestSignature],
      ),
      ...(d.signature === undefined ? [] : [d.signature]),
    ]),
  ];
  if (signatures.length === 0) {
    return {
      status: 'unverified',
      reason:
        'No signature: it is in S3 metadata for the newest digest; supply it to check this one',
    };
  }
  const fingerprint = d.digest.digestPublicKeyFingerprint.toLowerCase();
  const named = args.keys.filter((k) => k.fingerprint === fingerprint);
  const message = digestStringToSign(d.digest, d.sha256);
  const verifies = async (k: PublicKeyInput) => {
    if (k.problem !== undefined) return false;
    for (const s of signatures) if (await args.verify(k.spki, s, message)) return true;
    return false;
  };
  const untrusted = async () => {
    for (const k of named) if (!k.trusted && (await verifies(k))) return k;
    return undefined;
  };
  const trusted = distinct(named.filter((k) => k.trusted));
  const [key] = trusted;
  if (key === undefined) {
    const other = await untrusted();
    return other === undefined
      ? {
          status: 'unverified',
          reason: `Hash chain consistent, signatures not checked: no trusted public key with fingerprint ${fingerprint}`,
        }
      : {
          status: 'untrustedKey',
          reason: `Signed by an untrusted key: the signature verifies only with key SHA-256 ${other.sha256.slice(0, 16)}… from ${other.source}, which you have not trusted`,
        };
  }
  if (trusted.length > 1) {
    return {
      status: 'unverified',
      reason: `Not checked: ${trusted.length} trusted keys claim fingerprint ${fingerprint} (a conflict); remove the wrong one`,
    };
  }
  if (key.problem !== undefined) {
    return {
      status: 'unverified',
      reason: `Not checked: the trusted key with fingerprint ${fingerprint} cannot be imported (${key.problem})`,
    };
  }
  // One key may come in several lists with different windows: any of them will do.
  const windows = named
    .filter((k) => k.trusted && k.sha256 === key.sha256)
    .map((k) => outsideWindow(k, d.digest.digestEndTime));
  const [outside] = windows;
  if (outside !== undefined && windows.every((w) => w !== undefined))
    return { status: 'notValid', reason: outside };
  if (await verifies(key))
    return { status: 'valid', reason: 'Signature verified; chain link intact' };
  const other = await untrusted();
  return {
    status: 'notValid',
    reason: `The signature does not match the trusted key with fingerprint ${fingerprint}${other === undefined ? '' : `; it verifies with an untrusted key from ${other.source}`}`,
  };
}

/** Why `key` could not have signed a digest ending at `endTime`, or undefined when it could. */
function outsideWindow(key: PublicKeyInput, endTime: string): string | undefined {
  if (key.validFrom === undefined && key.validTo === undefined) return undefined;
  const at = parseUtcTime(endTime);
  const from = key.validFrom ?? -Infinity;
  const to = key.validTo ?? Infinity;
  if (Number.isFinite(at) && at >= from - SIGNING_SLACK_MS && at <= to + SIGNING_SLACK_MS)
    return undefined;
  const when = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : '…');
  return `The key it names (fingerprint ${key.fingerprint}) is valid from ${when(from)} to ${when(to)}; this digest ends at ${endTime}`;
}

/** Keys with distinct bytes (the same key imported twice is one key). */
function distinct(keys: readonly PublicKeyInput[]): PublicKeyInput[] {
  const seen = new Map<string, PublicKeyInput>();
  for (const k of keys) if (!seen.has(k.sha256)) seen.set(k.sha256, k);
  return [...seen.values()];
}
