import { STRING_FIELDS } from '../cloudtrail/types';
import type { DictionaryBlock } from './Dictionary';
import type { IndexParts } from './IndexParts';
import { SEGMENT_VERSION } from './indexSegments';
import type { ColumnPiece, PartEntry, Piece, SegmentManifest } from './indexSegments';

/** Reads one stored piece by key (undefined when it is missing). */
export type PieceReader = (key: string) => Promise<Piece | undefined>;

/**
 * Rebuilds the parts of a stored index from its manifest: each column is allocated at its full
 * length once and its pieces are copied in as they arrive, `parallel` reads at a time, so memory
 * peaks at the index plus a few pieces, not twice the index. Dictionary blocks are adopted as read.
 * @throws Error naming the piece when one is missing or not what the manifest says (the caller then
 * replays the stored files instead).
 */
export async function readSegments(
  manifest: SegmentManifest,
  read: PieceReader,
  parallel = 8,
): Promise<IndexParts> {
  if (manifest.version !== SEGMENT_VERSION)
    throw new Error(
      `stored index layout ${manifest.version}, this version reads ${SEGMENT_VERSION}`,
    );
  const tasks: (() => Promise<void>)[] = [];
  const part = (name: string): PartEntry => {
    const entry = manifest.parts[name];
    if (entry === undefined) throw new Error(`stored index has no part ${name}`);
    return entry;
  };
  const fetch = async (key: string): Promise<Piece> => {
    const piece = await read(key);
    if (piece === undefined) throw new Error(`stored index piece ${key} is missing`);
    return piece;
  };

  const column = <T extends ColumnPiece>(name: string, make: Allocate<T>): T => {
    const entry = part(name);
    const array = make(entry.kind, entry.length);
    if (array === undefined) throw new Error(`stored index part ${name} is of kind ${entry.kind}`);
    let at = 0;
    for (const ref of entry.pieces) {
      const offset = at;
      at += ref.count;
      tasks.push(async () => {
        const piece = await fetch(ref.key);
        const size = ref.count * array.BYTES_PER_ELEMENT;
        if (!(piece instanceof Blob) || piece.size !== size)
          throw new Error(`stored index piece ${ref.key} does not match its manifest`);
        const at = array.byteOffset + offset * array.BYTES_PER_ELEMENT;
        new Uint8Array(array.buffer, at, size).set(new Uint8Array(await piece.arrayBuffer()));
      });
    }
    if (at !== entry.length) throw new Error(`stored index part ${name} pieces do not add up`);
    return array;
  };
  const dict = (name: string): DictionaryBlock[] => {
    const entry = part(name);
    const blocks: DictionaryBlock[] = [];
    entry.pieces.forEach((ref, i) =>
      tasks.push(async () => {
        const piece = await fetch(ref.key);
        const buffer = piece instanceof Blob ? await piece.arrayBuffer() : undefined;
        const ends = buffer === undefined ? undefined : new Uint32Array(buffer, 0, ref.count);
        const bytes = buffer === undefined ? undefined : new Uint8Array(buffer, ref.count * 4);
        if (ends === undefined || bytes === undefined || (ends.at(-1) ?? 0) !== bytes.length)
          throw new Error(`stored index piece ${ref.key} does not match its manifest`);
        blocks[i] = { bytes, ends };
      }),
    );
    return blocks;
  };
  const list = <E>(name: string, take: (piece: Piece) => readonly E[] | undefined): E[][] => {
    const slices: E[][] = [];
    part(name).pieces.forEach((ref, i) =>
      tasks.push(async () => {
        const entries = take(await fetch(ref.key));
        if (entries === undefined || entries.length !== ref.count)
          throw new Error(`stored index piece ${ref.key} does not match its manifest`);
        slices[i] = [...entries];
      }),
    );
    return slices;
  };

  const cols = STRING_FIELDS.map((f) => column(`col:${f}`, codes));
  const dicts = STRING_FIELDS.map((f) => dict(`dict:${f}`));
  const time = column('time', (k, n) => (k === 'f64' ? new Float64Array(n) : undefined));
  const ids = column('ids', u32);
  const fileId = column('fileId', u32);
  const recordIndex = column('recordIndex', u32);
  const flags = column('flags', (k, n) => (k === 'u8' ? new Uint8Array(n) : undefined));
  const resOffsets = column('resOffsets', u32);
  const resType = column('resType', codes);
  const resName = column('resName', codes);
  const order = column('order', u32);
  const resTypeDict = dict('dict:resType');
  const resNameDict = dict('dict:resName');
  const idText = list('idText', (p) => ('idText' in p ? p.idText : undefined));
  const issuedKeys = list('issuedKeys', (p) => ('issuedKeys' in p ? p.issuedKeys : undefined));
  const extraSources = list('extraSources', (p) =>
    'extraSources' in p ? p.extraSources : undefined,
  );
  await runAll(tasks, parallel);
  return {
    watermark: manifest.watermark,
    dicts,
    cols,
    time,
    ids,
    idText: idText.flat(),
    fileId,
    recordIndex,
    flags,
    resOffsets,
    resType,
    resName,
    resTypeDict,
    resNameDict,
    extraSources: extraSources.flat(),
    issuedKeys: issuedKeys.flat(),
    order,
  };
}

/** A column of `n` elements of the stored kind, or undefined when the kind does not belong. */
type Allocate<T extends ColumnPiece> = (kind: string, n: number) => T | undefined;

const u32: Allocate<Uint32Array> = (k, n) => (k === 'u32' ? new Uint32Array(n) : undefined);
const codes: Allocate<Uint16Array | Uint32Array> = (k, n) =>
  k === 'u16' ? new Uint16Array(n) : u32(k, n);

/** Runs the tasks, `parallel` at a time; rejects with the first failure. */
async function runAll(tasks: readonly (() => Promise<void>)[], parallel: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) await tasks[next++]?.();
  };
  await Promise.all(Array.from({ length: Math.min(parallel, tasks.length) }, lane));
}
