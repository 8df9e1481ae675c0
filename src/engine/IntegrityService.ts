import type { CoverageMap } from '../analysis/coverageMap';
import { LOG_STATUS_LABEL } from '../cloudtrail/digest/logStatusLabel';
import type { CaseParts } from './CaseParts';
import { CoverageRunner } from './CoverageRunner';
import { runValidation } from './runValidation';
import type { ValidationExtras, ValidationRun } from './runValidation';

/**
 * Integrity of a case's evidence: digest validation of the stored log files, and the coverage map
 * built on it. Remembers each file's last verdict (exports write it beside each event) and each
 * file's uncompressed SHA-256 (a second validation reads no file again).
 */
export class IntegrityService {
  private readonly parts: CaseParts;
  /** fileId → its status in the last validation, as a label. */
  private labels = new Map<number, string>();
  /** SHA-256 of each stored file's uncompressed bytes, computed by the first validation. */
  readonly inflatedSha = new Map<number, string | undefined>();
  private readonly coverageRunner = new CoverageRunner();

  constructor(parts: CaseParts) {
    this.parts = parts;
  }

  /** Validates the stored log files against the stored digests (see runValidation). */
  async validate(extras: ValidationExtras): Promise<ValidationRun> {
    const run = await runValidation(this.parts.db, extras, this.inflatedSha);
    this.labels = new Map(
      run.logs.flatMap((l) =>
        l.fileId === undefined ? [] : [[l.fileId, LOG_STATUS_LABEL[l.status]]],
      ),
    );
    return run;
  }

  /** The evidence coverage map of the case, with `extras` for its validation (CoverageRunner). */
  coverage(extras: ValidationExtras): Promise<CoverageMap> {
    return this.coverageRunner.run({
      db: this.parts.db,
      index: this.parts.index,
      extras,
      validate: (e) => this.validate(e),
    });
  }

  /** A file's status in the last validation, as a label ('' before any). */
  labelOf(fileId: number): string {
    return this.labels.get(fileId) ?? '';
  }
}
