import { placeOf } from './placeOf';
import type { DigestInput, DigestVerdict, LogInput, LogVerdict } from './validateDigests';

/**
 * Judges the provided log files against every digest that lists them. A matching hash is 'valid'
 * only under a digest file whose own verdict is valid (`verdicts`, one per stored digest file, so a
 * forged digest that shares a genuine one's name authenticates nothing); a mismatch, or bytes after
 * the gzip data, under any digest makes the file 'modified'. Files no digest lists are 'uncovered'.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-custom-validation.html
 */
export function judgeLogs(
  digests: readonly DigestInput[],
  provided: readonly LogInput[],
  verdicts: ReadonlyMap<DigestInput, DigestVerdict>,
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
    const authentic = verdicts.get(d)?.status === 'valid';
    for (const entry of d.digest.logFiles) {
      const log = byKey.get(entry.s3Object) ?? byKey.get(baseName(entry.s3Object));
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
          reason: `SHA-256 differs from the ${entry.hashValue} recorded in ${d.path}`,
        });
      } else if (authentic || prior?.status === 'valid') {
        out.set(entry.s3Object, {
          ...base,
          status: 'valid',
          reason: authentic ? `Matches ${d.digest.digestS3Object}` : (prior?.reason ?? ''),
        });
      } else {
        out.set(entry.s3Object, {
          ...base,
          status: 'consistent',
          reason: `Matches ${d.digest.digestS3Object}, whose signature was not verified with a trusted key`,
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
