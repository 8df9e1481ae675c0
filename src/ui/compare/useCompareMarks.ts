import { useCallback, useMemo, useState } from 'react';

/** Events compared at most, as in the console. */
export const MAX_COMPARE = 5;

/** Events marked for comparison, by stable row id, in the order they were marked. */
export interface CompareMarks {
  readonly rows: readonly number[];
  /** The same rows, for lookups while rendering the table. */
  readonly marked: ReadonlySet<number>;
  /** True when MAX_COMPARE rows are marked: no more can be added. */
  readonly full: boolean;
  /** Marks the row, or unmarks it when marked; does nothing when full. */
  readonly toggle: (row: number) => void;
  readonly remove: (row: number) => void;
  readonly clear: () => void;
}

/**
 * The marks for comparison. Rows are the index's stable handles (append-only), so marks stay valid
 * across scrolling, new searches and new orders.
 */
export function useCompareMarks(): CompareMarks {
  const [rows, setRows] = useState<readonly number[]>([]);
  const toggle = useCallback((row: number) => {
    setRows((prev) => {
      if (prev.includes(row)) return prev.filter((r) => r !== row);
      return prev.length >= MAX_COMPARE ? prev : [...prev, row];
    });
  }, []);
  const remove = useCallback((row: number) => {
    setRows((prev) => prev.filter((r) => r !== row));
  }, []);
  const clear = useCallback(() => {
    setRows((prev) => (prev.length === 0 ? prev : []));
  }, []);
  return useMemo(
    () => ({
      rows,
      marked: new Set(rows),
      full: rows.length >= MAX_COMPARE,
      toggle,
      remove,
      clear,
    }),
    [rows, toggle, remove, clear],
  );
}
