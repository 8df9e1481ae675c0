import type { ReadContent } from './LogContent';
import type { BaseShape } from './LogShape';

/** Gathers the records unwrapped from a file's values, and counts the values that held none. */
export class RecordCollector {
  readonly records: unknown[] = [];
  private skippedCount = 0;
  private firstReason: string | undefined;

  add(record: unknown): void {
    this.records.push(record);
  }

  /** Counts one value that held no record; the first reason is the one shown. */
  skip(reason: string): void {
    this.skippedCount++;
    this.firstReason ??= reason;
  }

  /** The first skip reason, if any value was skipped. */
  get skipReason(): string | undefined {
    return this.firstReason;
  }

  /**
   * The file's content under `shape`; with no record at all it is 'other', with `empty` as the
   * reason (or the first skip reason after it), so the file is skipped with a reason, not failed.
   */
  content(shape: BaseShape, empty: string): ReadContent {
    if (this.records.length === 0) {
      const why = this.firstReason === undefined ? '' : ` (${this.firstReason})`;
      return { kind: 'other', reason: `${empty}${why}` };
    }
    return {
      kind: 'records',
      shape,
      records: this.records,
      ...(this.firstReason === undefined
        ? {}
        : { skipped: { count: this.skippedCount, reason: this.firstReason } }),
    };
  }
}
