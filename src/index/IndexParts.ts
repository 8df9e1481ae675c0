import type { DictionaryBlock } from './Dictionary';

/**
 * Everything an EventIndex is made of, as plain arrays: what indexSegments.ts stores in bounded
 * pieces and what the EventIndex constructor adopts (without copying) when a case is reopened.
 * Row-aligned arrays have one value per row (`ids`: four words per row; `resOffsets`: rows + 1).
 */
export interface IndexParts {
  /** Last fileId whose rows are in the parts; stored files after it are parsed again at load. */
  readonly watermark: number;
  /** Per STRING_FIELDS entry, the dictionary's blocks. */
  readonly dicts: readonly (readonly DictionaryBlock[])[];
  /** Per STRING_FIELDS entry, each row's dictionary code. */
  readonly cols: readonly (Uint16Array | Uint32Array)[];
  /** ms since epoch, per row. */
  readonly time: Float64Array;
  readonly ids: Uint32Array;
  readonly idText: readonly (readonly [number, string])[];
  readonly fileId: Uint32Array;
  readonly recordIndex: Uint32Array;
  readonly flags: Uint8Array;
  readonly resOffsets: Uint32Array;
  readonly resType: Uint16Array | Uint32Array;
  readonly resName: Uint16Array | Uint32Array;
  readonly resTypeDict: readonly DictionaryBlock[];
  readonly resNameDict: readonly DictionaryBlock[];
  readonly extraSources: readonly (readonly [number, readonly number[]])[];
  readonly issuedKeys: readonly (readonly [string, number])[];
  /** Rows by event time (sortRowsByTime); recomputed when shorter than the rows. */
  readonly order: Uint32Array;
}

/**
 * What changed in rows the last stored copy already holds, since it was taken: appended rows are
 * found by length, these are not. Positions are row numbers (`order`: positions in the order).
 */
export interface IndexChanges {
  /** Lowest row whose flags changed (Infinity: none). */
  readonly flagsFrom: number;
  /** Lowest position of the time order that moved (Infinity: none). */
  readonly orderFrom: number;
  /** True when a stored event gained a source (re-delivery) or lost one (rollback). */
  readonly sources: boolean;
}

/** No change. */
export const NO_CHANGES: IndexChanges = {
  flagsFrom: Infinity,
  orderFrom: Infinity,
  sources: false,
};

/** Both sets of changes: what is unsaved when a save that took `a` failed after `b` accrued. */
export function mergeChanges(a: IndexChanges, b: IndexChanges): IndexChanges {
  return {
    flagsFrom: Math.min(a.flagsFrom, b.flagsFrom),
    orderFrom: Math.min(a.orderFrom, b.orderFrom),
    sources: a.sources || b.sources,
  };
}
