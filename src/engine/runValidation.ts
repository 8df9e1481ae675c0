import { isDigestProblem, readDigestFile } from '../cloudtrail/digest/readDigestFile';
import { readDigestSignatures } from '../cloudtrail/digest/readDigestSignatures';
import { validateDigests } from '../cloudtrail/digest/validateDigests';
import type {
  DigestInput,
  LogInput,
  PublicKeyInput,
  ValidationReport,
} from '../cloudtrail/digest/validateDigests';
import { parseS3Key } from '../cloudtrail/parseS3Key';
import { gunzip, isGzip } from '../lib/gunzip';
import { sha256Hex } from '../lib/sha256Hex';
import { verifySha256WithRsa } from '../lib/rsaPublicKey';
import type { CairnDatabase } from '../db/cairnDb';
import { listFiles, loadFileBytes } from '../db/cairnDb';
import type { StoredSignature } from '../db/validationInputs';

/** What validation uses besides the files: the case's keys (trusted or not) and saved signatures. */
export interface ValidationExtras {
  readonly keys: readonly PublicKeyInput[];
  /** `aws s3api head-object` outputs with the file name they came in, or signature maps. */
  readonly signatures: readonly StoredSignature[];
}

/** A validation report, with the problems met reading the inputs. */
export type ValidationRun = ValidationReport & { readonly problems: readonly string[] };

/**
 * Validates the stored log files against the stored digest files. Hashes are taken over the
 * uncompressed bytes, as CloudTrail does; they are cached per fileId (`cache`), so a second run
 * (new keys, a new signature) reads no file again. Only `extras.keys` marked trusted can make a
 * digest valid.
 */
export async function runValidation(
  db: CairnDatabase,
  extras: ValidationExtras,
  cache: Map<number, string | undefined>,
): Promise<ValidationRun> {
  const problems: string[] = [];
  const inflatedSha = async (fileId: number, bytes: Uint8Array<ArrayBuffer>) => {
    if (!cache.has(fileId)) {
      try {
        cache.set(fileId, await sha256Hex(isGzip(bytes) ? (await gunzip(bytes)).bytes : bytes));
      } catch {
        cache.set(fileId, undefined);
      }
    }
    return cache.get(fileId);
  };
  const signatures = new Map<string, string>();
  for (const s of extras.signatures) {
    for (const [k, v] of readDigestSignatures(s.value, s.name)) signatures.set(k, v);
  }
  const digests: DigestInput[] = [];
  const logs: LogInput[] = [];
  for (const meta of await listFiles(db)) {
    if (meta.kind === 'log') {
      // A cached hash needs no read: a second run touches only the digests.
      const bytes = cache.has(meta.fileId) ? undefined : await loadFileBytes(db, meta.fileId);
      const sha256 =
        bytes === undefined ? cache.get(meta.fileId) : await inflatedSha(meta.fileId, bytes);
      const key = parseS3Key(meta.path)?.key ?? meta.path;
      logs.push({
        fileId: meta.fileId,
        path: meta.path,
        key,
        sha256,
        trailingBytes: meta.trailingBytes,
      });
      continue;
    }
    const bytes = await loadFileBytes(db, meta.fileId);
    if (bytes === undefined) continue;
    const sha256 = await inflatedSha(meta.fileId, bytes);
    const digest = await readDigest(bytes);
    if (sha256 === undefined || digest === undefined || isDigestProblem(digest)) {
      problems.push(
        `${meta.path}: ${digest !== undefined && isDigestProblem(digest) ? digest.problem : 'not a readable digest'}`,
      );
      continue;
    }
    const name = digest.digestS3Object.slice(digest.digestS3Object.lastIndexOf('/') + 1);
    const signature = signatures.get(digest.digestS3Object) ?? signatures.get(name);
    digests.push({
      path: meta.path,
      digest,
      sha256,
      ...(signature === undefined ? {} : { signature }),
    });
  }
  const report = await validateDigests({
    digests,
    logs,
    keys: extras.keys,
    verify: verifySha256WithRsa,
  });
  return { ...report, problems };
}

async function readDigest(bytes: Uint8Array<ArrayBuffer>) {
  try {
    const text = new TextDecoder().decode(isGzip(bytes) ? (await gunzip(bytes)).bytes : bytes);
    return readDigestFile(JSON.parse(text));
  } catch {
    return undefined;
  }
}
