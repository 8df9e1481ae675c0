import { create } from 'zustand';
import { isObject, objectAt } from '../../lib/isObject';
import type { TimeOrder } from '../../data/types';

/** View preferences kept across reloads in localStorage (not data: that lives in IndexedDB). */
export interface Prefs {
  /** Column id → false when hidden; absent means the column's default. */
  readonly columns: Readonly<Record<string, boolean>>;
  readonly timeZone: 'utc' | 'local';
  readonly order: TimeOrder;
  /** Whether the facet panel is shown (hidden, the table gets its width). */
  readonly facets: boolean;
}

const KEY = 'cairn.prefs.v1';
const DEFAULTS: Prefs = { columns: {}, timeZone: 'utc', order: 'desc', facets: true };
const usePrefsStore = create<Prefs>()(() => read());

function read(): Prefs {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw === null) return DEFAULTS;
    const v: unknown = JSON.parse(raw);
    if (!isObject(v)) return DEFAULTS;
    const columns: Record<string, boolean> = {};
    const saved = objectAt(v, 'columns') ?? {};
    for (const [k, b] of Object.entries(saved)) if (typeof b === 'boolean') columns[k] = b;
    return {
      columns,
      timeZone: v['timeZone'] === 'local' ? 'local' : 'utc',
      order: v['order'] === 'asc' ? 'asc' : 'desc',
      facets: v['facets'] !== false,
    };
  } catch {
    return DEFAULTS;
  }
}

/** Updates preferences and persists them. */
export function setPrefs(patch: Partial<Prefs>): void {
  usePrefsStore.setState(patch);
  try {
    localStorage.setItem(KEY, JSON.stringify(usePrefsStore.getState()));
  } catch {
    // Private mode or a full quota: preferences then last for the session only.
  }
}

/** The current preferences, re-rendering on change. */
export function usePrefs(): Prefs {
  return usePrefsStore();
}
