import { digestWindowOf } from '../cloudtrail/digest/digestChainGaps';
import type { DigestWindow } from '../cloudtrail/digest/digestChainGaps';
import { isDigestProblem, readDigestFile } from '../cloudtrail/digest/readDigestFile';
import { gunzip, isGzip } from '../lib/gunzip';
import type { CairnDatabase } from '../db/cairnDb';
import { listFiles, loadFileBytes } from '../db/cairnDb';
import type { CoverageMap } from '../analysis/coverageMap';
import { coverageOf } from '../analysis/coverageOf';
import type { EventIndex } from '../index/EventIndex';
import type { FileMeta } from '../db/types';
import type { ValidationRun } from './runValidation';

/**
 * Computes coverage maps for the engine, keeping what does not change between them: each stored
 * digest's window (read once per file, keyed by its SHA-256, so a Clear data that reuses fileIds
 * cannot mix them up) and the validation run of the current files, keys and signatures.
 */
export class CoverageRunner {
  private readonly windows = new Map<string, DigestWindow | null>();
  private validation: { readonly stamp: string; readonly run: ValidationRun } | undefined;

  /**
   * The coverage map of the stored dataset. With digests stored, it needs a validation run (missing,
   * modified and uncovered files): the last one when the files and the stamp are unchanged, else
   * `validate` is called, which is cheap once the files' hashes are cached.
   */
  async run(args: {
    readonly db: CairnDatabase;
    readonly index: EventIndex;
    /** Changes whenever the keys or signatures change: the last validation is stale then. */
    readonly stamp: string;
    readonly validate: () => Promise<ValidationRun>;
  }): Promise<CoverageMap> {
    const files = await listFiles(args.db);
    const digestFiles = files.filter((f) => f.kind === 'digest');
    const digests: DigestWindow[] = [];
    for (const f of digestFiles) {
      if (!this.windows.has(f.sha256)) this.windows.set(f.sha256, await readWindow(args.db, f));
      const w = this.windows.get(f.sha256);
      if (w !== undefined && w !== null) digests.push(w);
    }
    let verdicts: ValidationRun | undefined;
    if (digestFiles.length > 0) {
      const stamp = JSON.stringify([files.length, files.at(-1)?.sha256, args.stamp]);
      try {
        if (this.validation?.stamp !== stamp) {
          this.validation = { stamp, run: await args.validate() };
        }
        verdicts = this.validation.run;
      } catch {
        // The map still shows events, files, digests and gaps; it says the verdicts are unknown.
        verdicts = undefined;
      }
    }
    return coverageOf(args.index, {
      files,
      digests,
      ...(verdicts === undefined ? {} : { verdicts }),
    });
  }
}

/** A stored digest's window, or null when it does not read as a digest. */
async function readWindow(db: CairnDatabase, meta: FileMeta): Promise<DigestWindow | null> {
  const bytes = await loadFileBytes(db, meta.fileId);
  if (bytes === undefined) return null;
  try {
    const text = new TextDecoder().decode(isGzip(bytes) ? (await gunzip(bytes)).bytes : bytes);
    const digest = readDigestFile(JSON.parse(text));
    return isDigestProblem(digest) ? null : (digestWindowOf(digest) ?? null);
  } catch {
    return null;
  }
}
