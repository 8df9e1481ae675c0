import { transfer, wrap } from 'comlink';
import type { Remote } from 'comlink';
import type { ParseWorkerApi } from './parse.worker';
import type { InputFile, ParseResult } from './types';

/**
 * A fixed pool of parse workers, created on first use. Gunzip + JSON.parse is the dominant ingest cost
 * and scales almost linearly to two workers on two cores, not beyond (docs/architecture.md), so the
 * default size is the core count, capped at 4. Each file goes to the worker with the fewest in flight.
 */
export class ParsePool {
  private workers: { api: Remote<ParseWorkerApi>; inFlight: number }[] = [];

  private readonly create: () => Worker;
  private readonly size: number;

  constructor(
    create: () => Worker,
    size = Math.min(4, Math.max(1, navigator.hardwareConcurrency)),
  ) {
    this.create = create;
    this.size = size;
  }

  /** Builds a stored file's word filter in the least busy worker. Bound, so it can be passed as a BloomFn. */
  readonly bloom = async (bytes: Uint8Array<ArrayBuffer>): Promise<Uint32Array | undefined> => {
    const worker = this.leastBusy();
    worker.inFlight++;
    try {
      return await worker.api.bloom(bytes);
    } catch {
      return undefined;
    } finally {
      worker.inFlight--;
    }
  };

  /**
   * Runs a search's record test on a stored file in the least busy worker (see matchStoredRecords).
   * `bytes` are transferred: the caller must not use them afterwards.
   */
  readonly match = async (
    bytes: Uint8Array<ArrayBuffer>,
    q: string,
    recordIndices: Uint32Array,
  ): Promise<Uint8Array> => {
    const worker = this.leastBusy();
    worker.inFlight++;
    try {
      return await worker.api.match(transfer(bytes, [bytes.buffer]), q, recordIndices);
    } finally {
      worker.inFlight--;
    }
  };

  /** Parses one file in the least busy worker. Bound, so it can be passed as a ParseFn. */
  readonly parse = async (input: InputFile): Promise<ParseResult> => {
    const worker = this.leastBusy();
    worker.inFlight++;
    try {
      return await worker.api.parse(input);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        status: 'failed',
        size: input.file.size,
        reason: `Could not read the file (${reason})`,
      };
    } finally {
      worker.inFlight--;
    }
  };

  private leastBusy() {
    if (this.workers.length === 0) {
      for (let i = 0; i < this.size; i++)
        this.workers.push({ api: wrap(this.create()), inFlight: 0 });
    }
    return this.workers.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
  }
}
