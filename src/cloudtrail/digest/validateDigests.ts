import { parseS3Key } from '../parseS3Key';
import { checkDigestLink } from './checkDigestLink';
import { digestStringToSign } from './digestStringToSign';
import type { DigestFile } from './readDigestFile';

/** One digest file as dropped: parsed, with the SHA-256 of its uncompressed bytes. */
export interface DigestInput {
  readonly path: string;
  readonly digest: DigestFile;
  /** Hex SHA-256 of the digest's uncompressed bytes exactly as stored. */
  readonly sha256: string;
  /** Hex signature from the digest's S3 metadata (`x-amz-meta-signature`), when the user has it. */
  readonly signature?: string;
}

/** One log file as dropped, keyed the way digests list it. */
export interface LogInput {
  /** The stored file's id, carried into its verdict so events can show their file's status. */
  readonly fileId?: number;
  readonly path: string;
  /** The S3 key from `AWSLogs/` on (parseS3Key), or the bare file name. */
  readonly key: string;
  /** Hex SHA-256 of the uncompressed content; undefined when it does not inflate. */
  readonly sha256: string | undefined;
  /** Bytes after the end of the gzip data: tampering, whatever the hash says. */
  readonly trailingBytes: number;
}

/** A public key (`aws cloudtrail list-public-keys`), as SPKI DER, matched on its fingerprint. */
export interface PublicKeyInput {
  readonly fingerprint: string;
  readonly spki: Uint8Array<ArrayBuffer>;
}

/** A signature check: `(spki, signatureHex, message) → verified`. */
export type VerifyFn = (
  spki: Uint8Array<ArrayBuffer>,
  signatureHex: string,
  message: string,
) => Promise<boolean>;

/** The account and Region a file belongs to, from its S3 key ('' when the key is not in the layout). */
export interface TrailPlace {
  readonly account: string;
  readonly region: string;
}

/** What validation found for one digest. */
export interface DigestVerdict extends TrailPlace {
  readonly key: string;
  readonly path: string;
  /** valid: signature verified and its hash is what the next digest recorded; unverified: no key or no signature. */
  readonly status: 'valid' | 'notValid' | 'unverified';
  readonly reason: string;
}

/** What validation found for one log file (or one listed and not provided). */
export interface LogVerdict extends TrailPlace {
  readonly key: string;
  readonly path: string | undefined;
  /** The stored file's id, when provided. */
  readonly fileId?: number;
  /**
   * valid: the hash matches a digest that is itself valid; consistent: it matches, but no listing
   * digest is authenticated; modified: the hash differs or bytes follow the gzip data; missing:
   * listed, not provided; uncovered: provided, listed in no digest.
   */
  readonly status: 'valid' | 'consistent' | 'modified' | 'missing' | 'uncovered';
  readonly reason: string;
}

/** Counts over every trail, as the `validation-summary` automation hook exposes them. */
export interface ValidationTotals {
  readonly logsValid: number;
  readonly logsConsistent: number;
  readonly logsModified: number;
  readonly logsMissing: number;
  readonly logsUncovered: number;
  readonly digestsValid: number;
  readonly digestsNotValid: number;
  readonly digestsUnverified: number;
  readonly digestsMissing: number;
}

/** Totals for one account and Region (the report's breakdown). */
export interface TrailTotals extends TrailPlace {
  readonly totals: ValidationTotals;
}

/** The whole result. `missingDigests` are keys a provided digest points back to. */
export interface ValidationReport {
  readonly digests: readonly DigestVerdict[];
  readonly logs: readonly LogVerdict[];
  readonly missingDigests: readonly string[];
  readonly totals: ValidationTotals;
  /** The same counts per account and Region, sorted by account then Region. */
  readonly byTrail: readonly TrailTotals[];
}

/**
 * Validates dropped log files against dropped digests, offline, the way `aws cloudtrail
 * validate-logs` does and further: every digest's signature (SHA256withRSA over
 * digestStringToSign) with the key whose fingerprint it names, taking each signature from the next
 * digest's `previousDigestSignature` or from metadata the user supplied; every chain link
 * (checkDigestLink), which the CLI skips; and every listed log file's SHA-256 over its uncompressed
 * bytes. Nothing is called valid that was not verified: without a key, matching hashes are only
 * "consistent", because whoever rewrote the logs could have rewritten the digests too.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-custom-validation.html
 */
export async function validateDigests(args: {
  readonly digests: readonly DigestInput[];
  readonly logs: readonly LogInput[];
  readonly keys: readonly PublicKeyInput[];
  readonly verify: VerifyFn;
}): Promise<ValidationReport> {
  const byKey = new Map(args.digests.map((d) => [d.digest.digestS3Object, d]));
  // The next digest of each: the one whose previousDigestS3Object names it.
  const nextOf = new Map<string, DigestInput>();
  const missing = new Set<string>();
  for (const d of args.digests) {
    const prev = d.digest.previousDigestS3Object;
    if (prev === null) continue;
    if (byKey.has(prev)) nextOf.set(prev, d);
    else missing.add(prev);
  }
  const verdicts = new Map<string, DigestVerdict>();
  for (const d of args.digests)
    verdicts.set(d.digest.digestS3Object, await judgeDigest(d, nextOf, args));
  const logs = judgeLogs(args.digests, args.logs, verdicts);
  const digests = [...verdicts.values()];
  const missingDigests = [...missing];
  const places = new Map<string, TrailPlace>();
  for (const x of [...digests, ...logs, ...missingDigests.map(placeOf)])
    places.set(placeKey(x), { account: x.account, region: x.region });
  const byTrail = [...places.values()]
    .sort((a, b) => placeKey(a).localeCompare(placeKey(b)))
    .map((place) => {
      const at = <T extends TrailPlace>(xs: readonly T[]) =>
        xs.filter((x) => placeKey(x) === placeKey(place));
      return {
        ...place,
        totals: totalsOf(at(digests), at(logs), at(missingDigests.map(placeOf)).length),
      };
    });
  return {
    digests,
    logs,
    missingDigests,
    totals: totalsOf(digests, logs, missing.size),
    byTrail,
  };
}

function totalsOf(
  digests: readonly DigestVerdict[],
  logs: readonly LogVerdict[],
  digestsMissing: number,
): ValidationTotals {
  const count = <T extends { status: string }>(xs: readonly T[], s: T['status']) =>
    xs.filter((x) => x.status === s).length;
  return {
    logsValid: count(logs, 'valid'),
    logsConsistent: count(logs, 'consistent'),
    logsModified: count(logs, 'modified'),
    logsMissing: count(logs, 'missing'),
    logsUncovered: count(logs, 'uncovered'),
    digestsValid: count(digests, 'valid'),
    digestsNotValid: count(digests, 'notValid'),
    digestsUnverified: count(digests, 'unverified'),
    digestsMissing,
  };
}

/** Where an S3 key belongs: the account and Region its layout names. */
function placeOf(key: string): TrailPlace {
  const parsed = parseS3Key(key);
  return { account: parsed?.accountId ?? '', region: parsed?.region ?? '' };
}

function placeKey(p: TrailPlace): string {
  return `${p.account}/${p.region}`;
}

async function judgeDigest(
  d: DigestInput,
  nextOf: ReadonlyMap<string, DigestInput>,
  args: { readonly keys: readonly PublicKeyInput[]; readonly verify: VerifyFn },
): Promise<DigestVerdict> {
  const base = { key: d.digest.digestS3Object, path: d.path, ...placeOf(d.digest.digestS3Object) };
  const next = nextOf.get(d.digest.digestS3Object);
  if (next !== undefined) {
    const link = checkDigestLink(next.digest, d.digest, d.sha256);
    if (link.status === 'broken') {
      return { ...base, status: 'notValid', reason: `The next digest ${link.reason}` };
    }
  }
  const signature = next?.digest.previousDigestSignature ?? d.signature;
  if (signature === undefined) {
    return {
      ...base,
      status: 'unverified',
      reason:
        'No signature: it is in S3 metadata for the newest digest; supply it to check this one',
    };
  }
  const fingerprint = d.digest.digestPublicKeyFingerprint.toLowerCase();
  const key = args.keys.find((k) => k.fingerprint.toLowerCase() === fingerprint);
  if (key === undefined) {
    return {
      ...base,
      status: 'unverified',
      reason: `Hash chain consistent, signatures not checked: no public key with fingerprint ${fingerprint}`,
    };
  }
  const ok = await args.verify(key.spki, signature, digestStringToSign(d.digest, d.sha256));
  return ok
    ? { ...base, status: 'valid', reason: 'Signature verified; chain link intact' }
    : { ...base, status: 'notValid', reason: 'The signature does not match this digest' };
}

function judgeLogs(
  digests: readonly DigestInput[],
  provided: readonly LogInput[],
  verdicts: ReadonlyMap<string, DigestVerdict>,
): LogVerdict[] {
  const byKey = new Map<string, LogInput>();
  for (const l of provided) {
    byKey.set(l.key, l);
    // Files copied without their folders are matched on the name alone.
    const name = baseName(l.key);
    if (!byKey.has(name)) byKey.set(name, l);
  }
  const out = new Map<string, LogVerdict>();
  const listed = new Set<LogInput>();
  for (const d of digests) {
    const authentic = verdicts.get(d.digest.digestS3Object)?.status === 'valid';
    for (const entry of d.digest.logFiles) {
      const log =
        byKey.get(entry.s3Object) ??
        byKey.get(entry.s3Object.slice(entry.s3Object.lastIndexOf('/') + 1));
      const prior = out.get(entry.s3Object);
      if (prior?.status === 'modified') continue;
      if (log === undefined) {
        out.set(entry.s3Object, {
          key: entry.s3Object,
          path: undefined,
          ...placeOf(entry.s3Object),
          status: 'missing',
          reason: `Listed in ${d.digest.digestS3Object}, not provided`,
        });
        continue;
      }
      listed.add(log);
      const base = {
        key: entry.s3Object,
        path: log.path,
        ...placeOf(entry.s3Object),
        ...(log.fileId === undefined ? {} : { fileId: log.fileId }),
      };
      if (log.trailingBytes > 0) {
        out.set(entry.s3Object, {
          ...base,
          status: 'modified',
          reason: `${log.trailingBytes} bytes follow the end of the gzip data`,
        });
      } else if (log.sha256 === undefined || log.sha256 !== entry.hashValue) {
        out.set(entry.s3Object, {
          ...base,
          status: 'modified',
          reason: `SHA-256 differs from the digest's ${entry.hashValue}`,
        });
      } else if (authentic || prior?.status === 'valid') {
        out.set(entry.s3Object, {
          ...base,
          status: 'valid',
          reason: `Matches ${d.digest.digestS3Object}`,
        });
      } else {
        out.set(entry.s3Object, {
          ...base,
          status: 'consistent',
          reason: `Matches ${d.digest.digestS3Object}, whose signature was not verified`,
        });
      }
    }
  }
  for (const l of provided) {
    if (!listed.has(l))
      out.set(`uncovered:${l.key}`, {
        key: l.key,
        path: l.path,
        ...placeOf(l.key),
        ...(l.fileId === undefined ? {} : { fileId: l.fileId }),
        // Bytes after the gzip data are tampering whether or not a digest lists the file.
        ...(l.trailingBytes > 0
          ? {
              status: 'modified',
              reason: `${l.trailingBytes} bytes follow the end of the gzip data; listed in no digest provided`,
            }
          : { status: 'uncovered', reason: 'Listed in no digest provided' }),
      });
  }
  return [...out.values()];
}

function baseName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}
