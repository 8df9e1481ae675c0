import { isObject, objectAt } from '../../lib/isObject';
import type { TimeOrder } from '../../data/types';
import { persistedStore } from './persistedStore';

/** View preferences kept across reloads in localStorage (not data: that lives in IndexedDB). */
export interface Prefs {
  /** Column id → false when hidden; absent means the column's default. */
  readonly columns: Readonly<Record<string, boolean>>;
  readonly timeZone: 'utc' | 'local';
  readonly order: TimeOrder;
  /** Whether the facet panel is shown (hidden, the table gets its width). */
  readonly facets: boolean;
  /** Column id → width the user gave it, px (absent: the column's default). */
  readonly columnWidths: Readonly<Record<string, number>>;
  /** Column ids in the order the user dragged them to (empty: the default order). */
  readonly columnOrder: readonly string[];
}

/** Bounds of a saved column width, px: what is read back is clamped to them. */
export const COLUMN_WIDTH = { min: 40, max: 2000 } as const;

const KEY = 'cairn.prefs.v1';
const DEFAULTS: Prefs = {
  columns: {},
  timeZone: 'utc',
  order: 'desc',
  facets: true,
  columnWidths: {},
  columnOrder: [],
};
const store = persistedStore(KEY, parse);

function parse(raw: string | null): Prefs {
  try {
    if (raw === null) return DEFAULTS;
    const v: unknown = JSON.parse(raw);
    if (!isObject(v)) return DEFAULTS;
    const columns: Record<string, boolean> = {};
    const saved = objectAt(v, 'columns') ?? {};
    for (const [k, b] of Object.entries(saved)) if (typeof b === 'boolean') columns[k] = b;
    return {
      ...DEFAULTS,
      columns,
      timeZone: v['timeZone'] === 'local' ? 'local' : 'utc',
      order: v['order'] === 'asc' ? 'asc' : 'desc',
      facets: v['facets'] !== false,
      columnWidths: readWidths(objectAt(v, 'columnWidths') ?? {}),
      columnOrder: readOrder(v['columnOrder']),
    };
  } catch {
    return DEFAULTS;
  }
}

/**
 * Saved widths as they may be used: finite numbers, rounded and clamped to COLUMN_WIDTH (the
 * storage is another tab's or an extension's to write: anything else is dropped).
 */
export function readWidths(saved: Readonly<Record<string, unknown>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, w] of Object.entries(saved)) {
    if (typeof w === 'number' && Number.isFinite(w)) {
      out[k] = Math.round(Math.min(COLUMN_WIDTH.max, Math.max(COLUMN_WIDTH.min, w)));
    }
  }
  return out;
}

/** A saved column order: its distinct short strings (ids are checked against the columns on use). */
export function readOrder(saved: unknown): string[] {
  if (!Array.isArray(saved)) return [];
  const ids = saved.filter((id): id is string => typeof id === 'string' && id.length < 100);
  return [...new Set(ids)].slice(0, 100);
}

/** Updates preferences and persists them. */
export function setPrefs(patch: Partial<Prefs>): void {
  store.set(patch);
}

/** The current preferences, re-rendering on change. */
export function usePrefs(): Prefs {
  return store.useStore();
}
