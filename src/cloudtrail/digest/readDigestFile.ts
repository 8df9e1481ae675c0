import { isObject } from '../../lib/isObject';
import type { JsonObject } from '../../lib/isObject';

/** One log file a digest lists: where it was delivered and the SHA-256 of its inflated bytes. */
export interface DigestLogFile {
  readonly s3Bucket: string;
  readonly s3Object: string;
  /** Hex SHA-256 of the log file's uncompressed content. */
  readonly hashValue: string;
  readonly hashAlgorithm: string;
  readonly newestEventTime: string | null;
  readonly oldestEventTime: string | null;
}

/**
 * A CloudTrail digest file: one hour of a trail's log deliveries in one Region, linked to the digest
 * before it. Times are the ISO 8601 strings as written (the signature covers `digestEndTime`
 * verbatim). The `previous*` fields are all null in a chain's first digest.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-digest-file-structure.html
 */
export interface DigestFile {
  readonly awsAccountId: string;
  readonly digestStartTime: string;
  readonly digestEndTime: string;
  readonly digestS3Bucket: string;
  readonly digestS3Object: string;
  readonly digestPublicKeyFingerprint: string;
  readonly digestSignatureAlgorithm: string;
  readonly newestEventTime: string | null;
  readonly oldestEventTime: string | null;
  readonly previousDigestS3Bucket: string | null;
  readonly previousDigestS3Object: string | null;
  /** Hex SHA-256 of the previous digest's uncompressed content. */
  readonly previousDigestHashValue: string | null;
  readonly previousDigestHashAlgorithm: string | null;
  /** Hex RSA signature of the previous digest: the only offline copy of that digest's signature. */
  readonly previousDigestSignature: string | null;
  readonly logFiles: readonly DigestLogFile[];
}

/** Why a JSON value is not a digest file: names the field. */
export interface DigestProblem {
  readonly problem: string;
}

/**
 * Validates a parsed digest file (untrusted JSON). Never throws: a value that is not a digest, or
 * one with a missing or mistyped field, comes back as a DigestProblem naming the field.
 */
export function readDigestFile(value: unknown): DigestFile | DigestProblem {
  if (!isObject(value)) return { problem: 'the digest is not a JSON object' };
  const missing: string[] = [];
  const req = (key: string): string => {
    const v = value[key];
    if (typeof v === 'string' && v !== '') return v;
    missing.push(`the digest has no ${key}`);
    return '';
  };
  const nul = (key: string): string | null => {
    const v = value[key] ?? null;
    if (v === null || typeof v === 'string') return v;
    missing.push(`the digest's ${key} is not a string`);
    return null;
  };
  const files = value['logFiles'];
  if (!Array.isArray(files)) return { problem: 'the digest has no logFiles list' };
  const logFiles: DigestLogFile[] = [];
  for (const [i, f] of files.entries()) {
    const file = readLogFile(f);
    if (file === undefined)
      return { problem: `logFiles[${i}] of the digest is not a log file entry` };
    logFiles.push(file);
  }
  const digest: DigestFile = {
    awsAccountId: req('awsAccountId'),
    digestStartTime: req('digestStartTime'),
    digestEndTime: req('digestEndTime'),
    digestS3Bucket: req('digestS3Bucket'),
    digestS3Object: req('digestS3Object'),
    digestPublicKeyFingerprint: req('digestPublicKeyFingerprint'),
    digestSignatureAlgorithm: req('digestSignatureAlgorithm'),
    newestEventTime: nul('newestEventTime'),
    oldestEventTime: nul('oldestEventTime'),
    previousDigestS3Bucket: nul('previousDigestS3Bucket'),
    previousDigestS3Object: nul('previousDigestS3Object'),
    previousDigestHashValue: nul('previousDigestHashValue'),
    previousDigestHashAlgorithm: nul('previousDigestHashAlgorithm'),
    previousDigestSignature: nul('previousDigestSignature'),
    logFiles,
  };
  const first = missing[0];
  return first === undefined ? digest : { problem: first };
}

/** True when readDigestFile could not read the value. */
export function isDigestProblem(value: DigestFile | DigestProblem): value is DigestProblem {
  return 'problem' in value;
}

function readLogFile(value: unknown): DigestLogFile | undefined {
  if (!isObject(value)) return undefined;
  const s3Bucket = str(value, 's3Bucket');
  const s3Object = str(value, 's3Object');
  const hashValue = str(value, 'hashValue');
  const hashAlgorithm = str(value, 'hashAlgorithm') ?? 'SHA-256';
  if (s3Bucket === undefined || s3Object === undefined || hashValue === undefined) return undefined;
  return {
    s3Bucket,
    s3Object,
    hashValue: hashValue.toLowerCase(),
    hashAlgorithm,
    newestEventTime: str(value, 'newestEventTime') ?? null,
    oldestEventTime: str(value, 'oldestEventTime') ?? null,
  };
}

function str(o: JsonObject, key: string): string | undefined {
  const v = o[key];
  return typeof v === 'string' ? v : undefined;
}
