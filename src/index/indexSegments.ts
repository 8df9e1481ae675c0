import { STRING_FIELDS } from '../cloudtrail/types';
import type { DictionaryBlock } from './Dictionary';
import type { EventIndex } from './EventIndex';
import type { IndexChanges } from './IndexParts';

/**
 * The stored layout of an EventIndex: every part (a column, a dictionary, a list) cut into pieces of
 * at most PIECE_BYTES, each its own IndexedDB value, and a manifest naming the pieces of one
 * consistent index. A piece that holds only rows the last save already stored, unchanged, is kept
 * under its key, so a save costs what changed, not the case; and no single value grows with the
 * case, so none outgrows what the browser can clone (a 10M-event index as one value could not be:
 * "DataCloneError … out of memory", docs/architecture.md).
 */

/** The manifest layout this version writes; another is not read (the stored files are replayed). */
export const SEGMENT_VERSION = 3;
/** The most bytes of one stored column piece (8 MiB): well under any clone limit, few values. */
export const PIECE_BYTES = 8 << 20;
/** The most entries of one stored list piece (idText, issued keys, extra sources). */
export const PIECE_ENTRIES = 1 << 16;

/** A column's array type, named as stored. */
export type ColumnKind = 'u8' | 'u16' | 'u32' | 'f64';
/** A typed array the index is made of. */
export type ColumnPiece = Uint8Array | Uint16Array | Uint32Array | Float64Array;

/**
 * One stored value: a slice of a column (its bytes as a Blob), a dictionary block (a Blob of its
 * `ends` as Uint32 then its `bytes`), or a slice of a list. Blobs because Chromium reads them back
 * ≈1.6× faster than typed arrays of the same bytes (260 against 160 MB/s, headless Chromium 156,
 * 8 MiB values; docs/architecture.md).
 */
export type Piece =
  | Blob
  | { readonly idText: readonly (readonly [number, string])[] }
  | { readonly issuedKeys: readonly (readonly [string, number])[] }
  | { readonly extraSources: readonly (readonly [number, readonly number[]])[] };

/** One stored piece: its key, and how many elements (values, entries) it holds. */
export interface PieceRef {
  readonly key: string;
  readonly count: number;
}

/** A part as stored: its kind, total length in elements, and its pieces in order. */
export interface PartEntry {
  readonly kind: ColumnKind | 'dict' | 'idText' | 'issuedKeys' | 'extraSources';
  readonly length: number;
  readonly pieces: readonly PieceRef[];
}

/** What names one stored index: written last, so a save cut short leaves the previous one whole. */
export interface SegmentManifest {
  readonly version: number;
  /** Incremented by every save; part of the keys it writes, so it never overwrites a live piece. */
  readonly generation: number;
  readonly watermark: number;
  readonly rows: number;
  readonly parts: Readonly<Record<string, PartEntry>>;
}

/**
 * A save: the pieces to write (each made only when written, so a save holds a few pieces at a time,
 * not a copy of the index), the manifest to write after them, the keys it makes obsolete.
 */
export interface SegmentPlan {
  readonly writes: readonly PieceWrite[];
  readonly manifest: SegmentManifest;
  readonly obsolete: readonly string[];
}

/** One piece to store: its key, its size in bytes, and how to make it (a copy of the live data). */
export interface PieceWrite {
  readonly key: string;
  readonly bytes: number;
  readonly make: () => Piece;
}

type PartSource =
  | {
      readonly kind: 'column';
      readonly array: ColumnPiece;
      readonly changedFrom: number;
      /** Elements per piece. */
      readonly per: number;
    }
  | { readonly kind: 'dict'; readonly blocks: readonly DictionaryBlock[] }
  | {
      readonly kind: 'idText' | 'issuedKeys' | 'extraSources';
      readonly entries: readonly unknown[];
      readonly changedFrom: number;
      readonly wrap: (slice: readonly unknown[]) => Piece;
    };

/**
 * Plans a save of `index` over the `previous` manifest (undefined: nothing stored yet), writing new
 * pieces under `generation` (greater than any stored one). `changes` are the index's changes to
 * existing rows since `previous` was written (EventIndex.takeChanges). The index must not change
 * until the writes are made: the pieces are views of its live arrays until then.
 */
export function planSegments(
  index: EventIndex,
  previous: SegmentManifest | undefined,
  changes: IndexChanges,
  generation: number,
  pieceBytes = PIECE_BYTES,
): SegmentPlan {
  const writes: PieceWrite[] = [];
  const parts: Record<string, PartEntry> = {};
  for (const [name, source] of partSources(index, changes, pieceBytes)) {
    const before = previous?.parts[name];
    const pieces: PieceRef[] = [];
    const add = (i: number, count: number, bytes: number, make: () => Piece) => {
      const kept = before?.pieces[i];
      if (
        kept !== undefined &&
        before !== undefined &&
        kept.count === count &&
        reusable(source, before, i)
      ) {
        pieces.push(kept);
        return;
      }
      const key = `${generation}/${name}/${i}`;
      writes.push({ key, bytes, make });
      pieces.push({ key, count });
    };
    if (source.kind === 'dict') {
      source.blocks.forEach((b, i) =>
        add(
          i,
          b.ends.length,
          b.bytes.byteLength + b.ends.byteLength,
          () => new Blob([b.ends.slice(), b.bytes.slice()]),
        ),
      );
      parts[name] = { kind: 'dict', length: source.blocks.length, pieces };
      continue;
    }
    const length = source.kind === 'column' ? source.array.length : source.entries.length;
    const per = perPiece(source);
    for (let i = 0; i * per < length; i++) {
      const from = i * per;
      const to = Math.min(length, from + per);
      // List entries are small heap arrays: 64 bytes each is a fair estimate.
      const size = source.kind === 'column' ? source.array.BYTES_PER_ELEMENT : 64;
      add(i, to - from, (to - from) * size, () =>
        source.kind === 'column'
          ? new Blob([source.array.slice(from, to)])
          : source.wrap(source.entries.slice(from, to)),
      );
    }
    parts[name] = { kind: partKind(source), length, pieces };
  }
  const manifest: SegmentManifest = {
    version: SEGMENT_VERSION,
    generation,
    watermark: index.watermark,
    rows: index.size,
    parts,
  };
  const live = new Set(Object.values(parts).flatMap((p) => p.pieces.map((r) => r.key)));
  const obsolete = Object.values(previous?.parts ?? {})
    .flatMap((p) => p.pieces.map((r) => r.key))
    .filter((key) => !live.has(key));
  return { writes, manifest, obsolete };
}

/** Every key a manifest names. */
export function manifestKeys(manifest: SegmentManifest): string[] {
  return Object.values(manifest.parts).flatMap((p) => p.pieces.map((r) => r.key));
}

/**
 * A stored piece `i` can stand for the same piece now when it was full (a partial last piece has
 * gained elements) and nothing before its end changed; the caller has checked the element count.
 */
function reusable(source: PartSource, before: PartEntry, i: number): boolean {
  if (source.kind === 'dict') return before.kind === 'dict';
  if (before.kind !== partKind(source)) return false;
  const per = perPiece(source);
  return (i + 1) * per <= source.changedFrom && before.length >= (i + 1) * per;
}

function perPiece(source: Exclude<PartSource, { kind: 'dict' }>): number {
  return source.kind === 'column' ? source.per : PIECE_ENTRIES;
}

function partKind(source: Exclude<PartSource, { kind: 'dict' }>): PartEntry['kind'] {
  return source.kind === 'column' ? columnKind(source.array) : source.kind;
}

/** The stored name of a typed array's type. */
export function columnKind(array: ColumnPiece): ColumnKind {
  if (array instanceof Uint8Array) return 'u8';
  if (array instanceof Uint16Array) return 'u16';
  return array instanceof Uint32Array ? 'u32' : 'f64';
}

function partSources(
  index: EventIndex,
  changes: IndexChanges,
  pieceBytes: number,
): [string, PartSource][] {
  const column = (array: ColumnPiece, changedFrom = Infinity): PartSource => ({
    kind: 'column',
    array,
    changedFrom,
    per: Math.max(1, Math.floor(pieceBytes / array.BYTES_PER_ELEMENT)),
  });
  const out: [string, PartSource][] = [
    ['time', column(index.time.data.subarray(0, index.time.length))],
    ['ids', column(index.ids.data.subarray(0, index.ids.length))],
    ['fileId', column(index.fileId.data.subarray(0, index.fileId.length))],
    ['recordIndex', column(index.recordIndex.data.subarray(0, index.recordIndex.length))],
    ['flags', column(index.flags.data.subarray(0, index.flags.length), changes.flagsFrom)],
    ['resOffsets', column(index.resOffsets.data.subarray(0, index.resOffsets.length))],
    ['resType', column(index.resType.data.subarray(0, index.resType.length))],
    ['resName', column(index.resName.data.subarray(0, index.resName.length))],
    ['order', column(index.sortedRows(), changes.orderFrom)],
    ['dict:resType', { kind: 'dict', blocks: index.resTypeDict.storedBlocks() }],
    ['dict:resName', { kind: 'dict', blocks: index.resNameDict.storedBlocks() }],
    [
      'idText',
      {
        kind: 'idText',
        entries: [...index.idText],
        changedFrom: Infinity,
        wrap: (slice) => ({ idText: slice.filter(isIdText) }),
      },
    ],
    [
      'issuedKeys',
      {
        kind: 'issuedKeys',
        entries: [...index.issuedKeys],
        changedFrom: Infinity,
        wrap: (slice) => ({ issuedKeys: slice.filter(isIssuedKey) }),
      },
    ],
    [
      'extraSources',
      {
        kind: 'extraSources',
        entries: [...index.extraSources],
        changedFrom: changes.sources ? 0 : Infinity,
        wrap: (slice) => ({ extraSources: slice.filter(isSources) }),
      },
    ],
  ];
  STRING_FIELDS.forEach((field, f) => {
    const col = index.cols[f];
    const dict = index.dicts[f];
    if (col !== undefined) out.push([`col:${field}`, column(col.data.subarray(0, col.length))]);
    if (dict !== undefined)
      out.push([`dict:${field}`, { kind: 'dict', blocks: dict.storedBlocks() }]);
  });
  return out;
}

function isIdText(e: unknown): e is readonly [number, string] {
  return Array.isArray(e) && typeof e[0] === 'number' && typeof e[1] === 'string';
}
function isIssuedKey(e: unknown): e is readonly [string, number] {
  return Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number';
}
function isSources(e: unknown): e is readonly [number, readonly number[]] {
  return Array.isArray(e) && typeof e[0] === 'number' && Array.isArray(e[1]);
}
