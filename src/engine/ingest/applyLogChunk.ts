import { decodeLogFile } from '../../cloudtrail/decodeLogFile';
import type { EventIndex } from '../../index/EventIndex';
import type { RecordReader } from '../../db/RecordReader';
import type { ChunkOutcome, FileChunk } from '../../index/types';
import { resolveCollisions } from './resolveCollisions';

/**
 * Applies one parsed log file's chunk to the index as file `fileId`: its eventIDs are checked against
 * stored events, identical re-deliveries become extra sources of the stored event, and different
 * records claiming a stored eventID are kept and flagged. `bytes` are the file's bytes as given, read
 * again only when an eventID collides. Deterministic, so parsing the stored file again after a crash
 * rebuilds exactly the rows the ingest made (replayStoredFiles).
 * @returns how the rows were resolved (pairs of local row and existing row).
 * @throws IngestCancelledError when `isCancelled` turns true while collisions are resolved.
 */
export async function applyLogChunk(args: {
  readonly index: EventIndex;
  readonly reader: RecordReader;
  readonly chunk: FileChunk;
  readonly fileId: number;
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** Polled while collisions are resolved; once true, IngestCancelledError is thrown (see resolveCollisions). */
  readonly isCancelled?: () => boolean;
}): Promise<ChunkOutcome> {
  const { index, chunk, bytes } = args;
  const collisions = index.findCollisions(chunk);
  let local: Promise<readonly unknown[]> | undefined;
  const decisions =
    collisions.length === 0
      ? new Map()
      : await resolveCollisions(
          collisions,
          {
            stored: (row) =>
              args.reader.record(index.fileId.data[row] ?? 0, index.recordIndex.data[row] ?? 0),
            local: async (row) =>
              (await (local ??= decodeRecords(bytes)))[chunk.recordIndex[row] ?? 0],
          },
          args.isCancelled === undefined ? {} : { isCancelled: args.isCancelled },
        );
  const outcome = index.planChunk(chunk, decisions, collisions);
  index.applyChunk(chunk, args.fileId, outcome);
  return outcome;
}

async function decodeRecords(bytes: Uint8Array<ArrayBuffer>): Promise<readonly unknown[]> {
  const { content } = await decodeLogFile(bytes);
  return content.kind === 'records' ? content.records : [];
}
