import type { EventIndex } from './EventIndex';

/**
 * The whole EventIndex as one IndexedDB value: right-sized typed arrays and dictionary string arrays.
 * Reading it back is one `get` (≈0.5 s at 1M events, docs/architecture.md); chunks of files applied
 * after `watermark` are replayed on top.
 */
/** The snapshot layout this version writes; a stored snapshot of another layout is not read. */
export const SNAPSHOT_VERSION = 1;

export interface IndexSnapshot {
  /** SNAPSHOT_VERSION when written; older versions of Cairn may have stored others. */
  readonly version: number;
  readonly watermark: number;
  readonly dicts: readonly string[][];
  readonly cols: readonly (Uint16Array | Uint32Array)[];
  readonly time: Float64Array;
  readonly ids: Uint32Array;
  readonly idText: readonly (readonly [number, string])[];
  readonly fileId: Uint32Array;
  readonly recordIndex: Uint32Array;
  readonly flags: Uint8Array;
  readonly resOffsets: Uint32Array;
  readonly resType: Uint16Array | Uint32Array;
  readonly resName: Uint16Array | Uint32Array;
  readonly resTypeDict: string[];
  readonly resNameDict: string[];
  readonly extraSources: readonly (readonly [number, number[]])[];
  /** Absent in snapshots written before credential chains. */
  readonly issuedKeys?: readonly (readonly [string, number])[];
  readonly order: Uint32Array;
}

/** Copies the index into a snapshot (the live index keeps growing; the snapshot must not). */
export function takeSnapshot(index: EventIndex): IndexSnapshot {
  return {
    version: SNAPSHOT_VERSION,
    watermark: index.watermark,
    dicts: index.dicts.map((d) => d.values.slice()),
    cols: index.cols.map((c) => c.toArray()),
    time: index.time.toArray(),
    ids: index.ids.toArray(),
    idText: [...index.idText],
    fileId: index.fileId.toArray(),
    recordIndex: index.recordIndex.toArray(),
    flags: index.flags.toArray(),
    resOffsets: index.resOffsets.toArray(),
    resType: index.resType.toArray(),
    resName: index.resName.toArray(),
    resTypeDict: index.resTypeDict.values.slice(),
    resNameDict: index.resNameDict.values.slice(),
    extraSources: [...index.extraSources].map(([row, list]) => [row, list.slice()] as const),
    issuedKeys: [...index.issuedKeys],
    order: index.sortedRows().slice(),
  };
}
