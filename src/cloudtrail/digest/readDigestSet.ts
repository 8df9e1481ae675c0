import { parseS3Key } from '../parseS3Key';
import type { DigestConflict, DigestInput } from './validateDigests';

/** The digests as a set: each stored file once, who follows whom, and what is wrong with the set. */
export interface DigestSet {
  /** Every digest file, identical copies (same name and content) kept once. */
  readonly digests: readonly DigestInput[];
  /** digestS3Object → the digests whose previousDigestS3Object names it. */
  readonly successors: ReadonlyMap<string, readonly DigestInput[]>;
  /** Names a digest points back to that no provided digest has. */
  readonly missing: readonly string[];
  readonly conflicts: readonly DigestConflict[];
  /** Each file caught in a conflict, with why (one phrase per conflict). */
  readonly flags: ReadonlyMap<DigestInput, readonly string[]>;
}

/**
 * Reads the digests as a set, so that no file hides another: two different files under one
 * `digestS3Object` (a forgery stored beside, or before, the genuine one), two digests naming one
 * predecessor (a fork: CloudTrail writes one chain per trail and Region), and a file stored under a
 * path other than the key it names (compared from `AWSLogs/` on, or by file name, `.gz` aside, when
 * the path is not laid out like the bucket).
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-digest-file-structure.html
 */
export function readDigestSet(all: readonly DigestInput[]): DigestSet {
  const byName = new Map<string, DigestInput[]>();
  const digests: DigestInput[] = [];
  for (const d of all) {
    const same = byName.get(d.digest.digestS3Object) ?? [];
    if (same.some((x) => x.sha256 === d.sha256)) continue;
    same.push(d);
    byName.set(d.digest.digestS3Object, same);
    digests.push(d);
  }
  const conflicts: DigestConflict[] = [];
  const flags = new Map<DigestInput, string[]>();
  const flag = (d: DigestInput, why: string) => flags.set(d, [...(flags.get(d) ?? []), why]);

  for (const [key, same] of byName) {
    if (same.length < 2) continue;
    const paths = same.map((d) => d.path);
    conflicts.push({
      kind: 'duplicate',
      key,
      paths,
      reason: `${same.length} different digest files claim this name; at most one is genuine`,
    });
    for (const d of same)
      flag(d, `Another digest file with different content claims the same name`);
  }

  const successors = new Map<string, DigestInput[]>();
  const missing = new Set<string>();
  for (const d of digests) {
    const prev = d.digest.previousDigestS3Object;
    if (prev === null) continue;
    successors.set(prev, [...(successors.get(prev) ?? []), d]);
    if (!byName.has(prev)) missing.add(prev);
  }
  for (const [key, next] of successors) {
    const names = new Set(next.map((d) => d.digest.digestS3Object));
    if (names.size < 2) continue;
    conflicts.push({
      kind: 'fork',
      key,
      paths: next.map((d) => d.path),
      reason: `${names.size} digests follow this one; a trail's chain does not fork`,
    });
    for (const d of next) flag(d, `Another digest also follows ${key} (a fork in the chain)`);
  }

  for (const d of digests) {
    const where = storedKey(d.path);
    const claimed = storedKey(d.digest.digestS3Object);
    const same = where.includes('/') ? where === claimed : where === baseName(claimed);
    if (same) continue;
    conflicts.push({
      kind: 'misplaced',
      key: d.digest.digestS3Object,
      paths: [d.path],
      reason: `Stored as ${d.path}, but it names itself ${d.digest.digestS3Object}`,
    });
    flag(d, `Stored under another name than the ${claimed} it names`);
  }
  return { digests, successors, missing: [...missing], conflicts, flags };
}

/** A path as the bucket would name it: from `AWSLogs/` on, else the file name; `.gz` aside. */
function storedKey(path: string): string {
  const key = parseS3Key(path)?.key ?? baseName(path);
  return key.endsWith('.gz') ? key.slice(0, -3) : key;
}

function baseName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}
