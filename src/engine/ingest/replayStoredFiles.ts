import { STRING_FIELDS } from '../../cloudtrail/types';
import { loadChunksAfter, loadFileBlob } from '../../db/cairnDb';
import type { CairnDatabase } from '../../db/cairnDb';
import type { EventIndex } from '../../index/EventIndex';
import type { RecordReader } from '../../db/RecordReader';
import type { FileMeta } from '../../db/types';
import { applyLogChunk } from './applyLogChunk';
import type { FileRuleHits } from '../../detect/fileRuleHits';
import type { ParseFn, ParseResult } from './types';

/**
 * Rebuilds the index rows of the stored log files that the index (read from its stored pieces) does
 * not hold yet: those stored after its watermark, because the page closed during a run or before
 * the run's index was saved, or the save failed. In fileId order, each file's chunk as an older version stored it is
 * applied, or else its stored original bytes are parsed again (in the pool, up to `lookahead` files
 * ahead) and applied with applyLogChunk, exactly as the ingest applied them. Nothing is written.
 * @param files every stored file's meta, in fileId order.
 * @returns the fileIds of log files that could not be read again (damaged storage): left out.
 * @throws Error when an older version's stored chunk is damaged (decodeChunkBlob).
 */
export async function replayStoredFiles(opts: {
  readonly db: CairnDatabase;
  readonly index: EventIndex;
  readonly reader: RecordReader;
  readonly parse: ParseFn;
  readonly files: readonly FileMeta[];
  readonly lookahead: number;
  /** Called before the first file and after each, with files done and to do (only when any are). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Called with the detection hits a parse worker found in a file parsed again (ruleHits). */
  readonly onRuleHits?: (fileId: number, hits: FileRuleHits, rulesKey: string) => void;
}): Promise<number[]> {
  const { db, index } = opts;
  const watermark = index.watermark;
  // A chunk stored before the index had a column lacks it: parse that file again instead.
  const stored = new Map(
    [...(await loadChunksAfter(db, watermark))].filter(
      ([, { chunk }]) => chunk.codes.length >= chunk.count * STRING_FIELDS.length,
    ),
  );
  const todo = opts.files.filter((f) => f.kind === 'log' && f.fileId > watermark);
  const parses: Promise<ParseResult | undefined>[] = [];
  const parseAhead = (upTo: number) => {
    for (let i = parses.length; i < Math.min(upTo, todo.length); i++) {
      const meta = todo[i];
      parses.push(
        meta === undefined || stored.has(meta.fileId) ? Promise.resolve(undefined) : reparse(meta),
      );
    }
  };
  const reparse = async (meta: FileMeta) => {
    const file = await loadFileBlob(db, meta.fileId);
    return file === undefined ? undefined : opts.parse({ path: meta.path, file });
  };
  const unreadable: number[] = [];
  if (todo.length > 0) opts.onProgress?.(0, todo.length);
  for (const [i, meta] of todo.entries()) {
    if (i > 0) opts.onProgress?.(i, todo.length);
    parseAhead(i + Math.max(1, opts.lookahead));
    const chunk = stored.get(meta.fileId);
    if (chunk !== undefined) {
      index.applyChunk(chunk.chunk, meta.fileId, chunk.outcome);
      continue;
    }
    const result = await parses[i];
    if (result?.status !== 'log') {
      unreadable.push(meta.fileId);
      continue;
    }
    const { chunk: parsed, bytes } = result;
    await applyLogChunk({ index, reader: opts.reader, chunk: parsed, fileId: meta.fileId, bytes });
    if (result.ruleHits !== undefined)
      opts.onRuleHits?.(meta.fileId, result.ruleHits, result.rulesKey ?? '');
  }
  if (todo.length > 0) opts.onProgress?.(todo.length, todo.length);
  return unreadable;
}
