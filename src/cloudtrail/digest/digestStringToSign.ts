import type { DigestFile } from './readDigestFile';

/**
 * The exact text CloudTrail signs for a digest (SHA256withRSA, UTF-8): `digestEndTime` as written,
 * the digest's own bucket/key from its JSON fields, the hex SHA-256 of the digest's uncompressed
 * bytes as stored (never re-serialised JSON), and the previous digest's signature, or the literal
 * `null` for a chain's first digest. Lines are joined with "\n".
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-custom-validation.html
 * @see docs/reference/digest-validation.md §3 (the CLI's code, which the docs' example garbles)
 */
export function digestStringToSign(digest: DigestFile, digestSha256Hex: string): string {
  return [
    digest.digestEndTime,
    `${digest.digestS3Bucket}/${digest.digestS3Object}`,
    digestSha256Hex.toLowerCase(),
    digest.previousDigestSignature ?? 'null',
  ].join('\n');
}
