import { deleteDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureInputs } from '../../test/fixtureFiles';
import { encodeChunkBlob } from '../../test/legacyChunkBlob';
import { decodeLogFile } from '../cloudtrail/decodeLogFile';
import { extractEventFields, isRecordProblem } from '../cloudtrail/extractEventFields';
import type { EventFields } from '../cloudtrail/types';
import { commitFiles, loadChunksAfter, openCairnDb } from './cairnDb';
import type { CairnDatabase, FileCommit } from './cairnDb';
import { encodeFileChunk } from './encodeFileChunk';
import type { FileChunk, FileMeta } from './types';

const NAME = 'cairn-chunks-test';
const none = { duplicates: new Uint32Array(0), conflicts: new Uint32Array(0) };

/** The chunks of the real trail files among the fixtures, in a stable order. */
async function realChunks(): Promise<FileChunk[]> {
  const chunks: FileChunk[] = [];
  for (const input of fixtureInputs().filter((i) => i.path.includes('/CloudTrail/'))) {
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const content = await decodeLogFile(bytes).then(
      (d) => d.content,
      () => undefined, // the fixtures hold a truncated file too
    );
    if (content?.kind !== 'records') continue;
    const events: EventFields[] = [];
    for (const record of content.records) {
      const fields = extractEventFields(record);
      if (!isRecordProblem(fields)) events.push(fields);
    }
    chunks.push(
      encodeFileChunk(
        events,
        events.map((_, i) => i),
      ),
    );
  }
  return chunks;
}

function commitOf(fileId: number, chunk: FileChunk): FileCommit {
  const meta = { fileId, path: `f${fileId}`, sha256: `${fileId}` } as unknown as FileMeta;
  return { meta, bytes: new Uint8Array(1), chunk: { chunk, outcome: none } };
}

/** Typed arrays as plain lists, so a chunk read back compares with the one written by content. */
const plain = (c: FileChunk) =>
  Object.entries(c).map(([k, v]: [string, unknown]) => [
    k,
    ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v,
  ]);

describe('chunk groups in the chunks store', () => {
  let db: CairnDatabase;
  beforeEach(async () => {
    await deleteDB(NAME);
    db = await openCairnDb(NAME);
    return () => db.close();
  });

  it('stores one value per transaction and reads back each file after the watermark, in order', async () => {
    const chunks = await realChunks();
    expect(chunks.length).toBeGreaterThanOrEqual(5);
    const [a, b, c, d, e] = chunks as [FileChunk, FileChunk, FileChunk, FileChunk, FileChunk];
    await commitFiles(db, [commitOf(1, a), commitOf(2, b), commitOf(3, c)]);
    await commitFiles(db, [commitOf(4, d), commitOf(5, e)]);
    expect(await db.getAllKeys('chunks')).toEqual([3, 5]);

    const all = await loadChunksAfter(db, 0);
    expect(all.map((r) => r.fileId)).toEqual([1, 2, 3, 4, 5]);
    expect(all.map((r) => plain(r.chunk))).toEqual([a, b, c, d, e].map(plain));
    // A watermark inside a group keeps only that group's later files.
    expect((await loadChunksAfter(db, 2)).map((r) => r.fileId)).toEqual([3, 4, 5]);
    expect((await loadChunksAfter(db, 3)).map((r) => r.fileId)).toEqual([4, 5]);
    expect(await loadChunksAfter(db, 5)).toEqual([]);
  });

  it('still reads the per-file chunks, Blob or object, that older versions stored', async () => {
    const [a, b, c] = (await realChunks()) as [FileChunk, FileChunk, FileChunk];
    await db.put('chunks', { chunk: a, outcome: none }, 1);
    await db.put('chunks', { chunk: encodeChunkBlob(b), outcome: none }, 2);
    await commitFiles(db, [commitOf(3, c)]);
    const all = await loadChunksAfter(db, 0);
    expect(all.map((r) => r.fileId)).toEqual([1, 2, 3]);
    expect(all.map((r) => plain(r.chunk))).toEqual([a, b, c].map(plain));
    expect((await loadChunksAfter(db, 1)).map((r) => r.fileId)).toEqual([2, 3]);
  });
});
