import { decodeLogFile } from '../cloudtrail/decodeLogFile';
import type { CairnDatabase } from './cairnDb';
import { loadFileBytes } from './cairnDb';

/**
 * Reads original records back from stored files. A stored file is gzip bytes, so reading one record
 * means inflating and parsing its whole file (≈15 µs per event in it); the last few decoded files are
 * cached because a user stepping through rows stays in the same files.
 */
export class RecordReader {
  private readonly cache = new Map<number, Promise<readonly unknown[]>>();
  /** Bytes of files applied to the index but not stored yet (their transaction is pending). */
  private readonly unsaved = new Map<number, Uint8Array<ArrayBuffer>>();

  private readonly db: CairnDatabase;
  private readonly capacity: number;

  constructor(db: CairnDatabase, capacity = 4) {
    this.db = db;
    this.capacity = capacity;
  }

  /**
   * The record at `recordIndex` of stored file `fileId`.
   * @throws Error when the file is no longer stored or no longer decodes.
   */
  async record(fileId: number, recordIndex: number): Promise<unknown> {
    const records = await this.records(fileId);
    return records[recordIndex];
  }

  /** Every record of a stored file, decoded. */
  records(fileId: number): Promise<readonly unknown[]> {
    let entry = this.cache.get(fileId);
    if (entry === undefined) {
      entry = this.decode(fileId);
      entry.catch(() => this.cache.delete(fileId));
      if (this.cache.size >= this.capacity) {
        const oldest = this.cache.keys().next();
        if (oldest.done !== true) this.cache.delete(oldest.value);
      }
    } else {
      this.cache.delete(fileId);
    }
    this.cache.set(fileId, entry);
    return entry;
  }

  /** Serves `bytes` for `fileId` until release(): the file is in the index but not yet stored. */
  hold(fileId: number, bytes: Uint8Array<ArrayBuffer>): void {
    this.unsaved.set(fileId, bytes);
  }

  /** The held bytes of a file not yet stored, if any. */
  held(fileId: number): Uint8Array<ArrayBuffer> | undefined {
    return this.unsaved.get(fileId);
  }

  /** Stops serving held bytes (the file is stored, or its store failed). */
  release(fileId: number): void {
    this.unsaved.delete(fileId);
  }

  /** Forgets cached files (after Clear data). */
  clear(): void {
    this.cache.clear();
  }

  private async decode(fileId: number): Promise<readonly unknown[]> {
    const bytes = this.unsaved.get(fileId) ?? (await loadFileBytes(this.db, fileId));
    if (bytes === undefined) throw new Error(`Stored file ${fileId} is missing`);
    const { content } = await decodeLogFile(bytes);
    if (content.kind !== 'records') throw new Error(`Stored file ${fileId} holds no records`);
    return content.records;
  }
}
