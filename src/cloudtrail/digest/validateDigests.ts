import { judgeDigest } from './judgeDigest';
import { judgeLogs } from './judgeLogs';
import { placeOf } from './placeOf';
import { readDigestSet } from './readDigestSet';
import type { DigestFile } from './readDigestFile';
import type { PublicKeyEntry } from './readPublicKeyList';

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

/**
 * A public key as validation uses it: a key list entry, with its identity and whether the user
 * trusts it. Only `trusted` keys can make a digest valid; a key found among the evidence can at most
 * show that a digest was "signed by an untrusted key".
 */
export interface PublicKeyInput extends PublicKeyEntry {
  /** Hex SHA-256 of `spki` (SubjectPublicKeyInfo DER): the key's identity; the fingerprint is a label. */
  readonly sha256: string;
  /** True only for a key the user imported as trusted for this case. */
  readonly trusted: boolean;
  /** Where it came from: "pasted", the imported file's name, or the evidence file's path. */
  readonly source: string;
  /** Why WebCrypto cannot import the key, when it cannot (then it verifies nothing). */
  readonly problem?: string;
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

/** What validation found for one digest file (one verdict per stored file, never per name). */
export interface DigestVerdict extends TrailPlace {
  /** The digest's own `digestS3Object`. */
  readonly key: string;
  /** Where the file was stored. */
  readonly path: string;
  /**
   * valid: the signature verified with a trusted key and its hash is what the next digest recorded;
   * untrustedKey: the signature verifies only with a key the user has not trusted; notValid: a
   * broken link, a signature that does not match the trusted key, a key outside its validity, or an
   * unauthenticated digest in a duplicate, fork or misplaced file; unverified: no signature, no
   * trusted key, or a trusted key that cannot be used.
   */
  readonly status: 'valid' | 'untrustedKey' | 'notValid' | 'unverified';
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

/**
 * Something wrong with the set of digests as a whole: two different files under one name, two
 * digests that both follow one predecessor (a fork), or a digest stored under a path other than the
 * `digestS3Object` it names. Each involved file also gets its own verdict.
 */
export interface DigestConflict {
  readonly kind: 'duplicate' | 'fork' | 'misplaced';
  /** The name in question: the shared digestS3Object, the forked predecessor, or the claimed key. */
  readonly key: string;
  /** The stored paths of the files involved. */
  readonly paths: readonly string[];
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
  /** Digests whose signature verifies only with a key the user has not trusted. */
  readonly digestsUntrustedKey: number;
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
  readonly conflicts: readonly DigestConflict[];
  readonly totals: ValidationTotals;
  /** The same counts per account and Region, sorted by account then Region. */
  readonly byTrail: readonly TrailTotals[];
}

/**
 * Validates dropped log files against dropped digests, offline, the way `aws cloudtrail
 * validate-logs` does and further: every digest's signature (SHA256withRSA over
 * digestStringToSign) with a trusted key of the fingerprint it names, inside that key's validity,
 * taking each signature from the next digest's `previousDigestSignature` or from metadata the user
 * supplied; every chain link (checkDigestLink), which the CLI skips; every listed log file's SHA-256
 * over its uncompressed bytes; and the digest set itself (duplicates, forks, misplaced files). Each
 * stored digest file gets its own verdict, so a forgery under a genuine digest's name hides nothing,
 * and a log file is valid only through a digest file that was itself authenticated. Nothing is
 * called valid that was not verified with a key the user trusted.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-custom-validation.html
 */
export async function validateDigests(args: {
  readonly digests: readonly DigestInput[];
  readonly logs: readonly LogInput[];
  readonly keys: readonly PublicKeyInput[];
  readonly verify: VerifyFn;
}): Promise<ValidationReport> {
  const set = readDigestSet(args.digests);
  const verdicts = new Map<DigestInput, DigestVerdict>();
  for (const d of set.digests) {
    const base = {
      key: d.digest.digestS3Object,
      path: d.path,
      ...placeOf(d.digest.digestS3Object),
    };
    const judged = await judgeDigest(d, set.successors.get(d.digest.digestS3Object) ?? [], args);
    const flags = set.flags.get(d) ?? [];
    let verdict = judged;
    if (flags.length > 0) {
      // A file caught in a conflict counts only if it proved itself; its reason says why not.
      const note = flags.join('; ');
      verdict =
        judged.status === 'valid' || judged.status === 'notValid'
          ? { status: judged.status, reason: `${judged.reason}. ${note}` }
          : { status: 'notValid', reason: `${note}. ${judged.reason}` };
    }
    verdicts.set(d, { ...base, ...verdict });
  }
  const logs = judgeLogs(set.digests, args.logs, verdicts);
  const digests = [...verdicts.values()];
  const missingDigests = set.missing;
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
    conflicts: set.conflicts,
    totals: totalsOf(digests, logs, missingDigests.length),
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
    digestsUntrustedKey: count(digests, 'untrustedKey'),
    digestsMissing,
  };
}

function placeKey(p: TrailPlace): string {
  return `${p.account}/${p.region}`;
}
