import type { DigestFile } from './readDigestFile';

/** How a digest's link to the one before it holds. */
export type DigestLinkCheck =
  | { readonly status: 'first' }
  | { readonly status: 'linked' }
  | { readonly status: 'broken'; readonly reason: string };

/**
 * Checks that `newer` points at `older`: its `previousDigestS3Bucket`/`previousDigestS3Object` name
 * the older digest's own location, and its `previousDigestHashValue` is the SHA-256 of the older
 * digest's uncompressed bytes (`olderSha256Hex`). `aws cloudtrail validate-logs` does not check these
 * links; without them a deleted or swapped digest goes unnoticed. A digest whose `previous*` fields
 * are null starts a chain ('first').
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-digest-file-structure.html
 */
export function checkDigestLink(
  newer: DigestFile,
  older: DigestFile,
  olderSha256Hex: string,
): DigestLinkCheck {
  if (newer.previousDigestS3Object === null && newer.previousDigestHashValue === null) {
    return { status: 'first' };
  }
  if (
    newer.previousDigestS3Object !== older.digestS3Object ||
    newer.previousDigestS3Bucket !== older.digestS3Bucket
  ) {
    return {
      status: 'broken',
      reason: `points at ${newer.previousDigestS3Bucket ?? '?'}/${newer.previousDigestS3Object ?? '?'}, not at ${older.digestS3Bucket}/${older.digestS3Object}`,
    };
  }
  if ((newer.previousDigestHashValue ?? '').toLowerCase() !== olderSha256Hex.toLowerCase()) {
    return {
      status: 'broken',
      reason: `expects the previous digest's SHA-256 ${newer.previousDigestHashValue ?? ''}, but it is ${olderSha256Hex.toLowerCase()}`,
    };
  }
  return { status: 'linked' };
}
