import { isObject } from '../../lib/isObject';
import { persistedStore } from './persistedStore';

/**
 * Widths of the resizable areas, in CSS pixels, kept across reloads in localStorage. `undefined`
 * means the area's default (a share of the window, in app.css: `.sidebar`, `.detail-frame`). Column widths live in usePrefs, not here.
 */
export interface LayoutPrefs {
  readonly detailWidth: number | undefined;
  readonly sidebarWidth: number | undefined;
}

/** Bounds of a width read back from storage, in px: anything outside is a corrupt or foreign value. */
const STORED_MIN = 100;
const STORED_MAX = 4000;
const KEY = 'cairn.layout.v1';
const DEFAULTS: LayoutPrefs = { detailWidth: undefined, sidebarWidth: undefined };

/**
 * The layout read back from `raw` (localStorage's text, or null when nothing is stored). Every field
 * is checked: a width that is not a finite number between 100 and 4,000 px reads as the default.
 * Never throws.
 */
export function parseLayoutPrefs(raw: string | null): LayoutPrefs {
  if (raw === null) return DEFAULTS;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return DEFAULTS;
  }
  if (!isObject(v)) return DEFAULTS;
  return { detailWidth: width(v['detailWidth']), sidebarWidth: width(v['sidebarWidth']) };
}

function width(v: unknown): number | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
  return v >= STORED_MIN && v <= STORED_MAX ? Math.round(v) : undefined;
}

const store = persistedStore(KEY, parseLayoutPrefs);

/** Sets one or both widths (px; `undefined` restores the default) and persists the layout. */
export function setLayoutPrefs(patch: Partial<LayoutPrefs>): void {
  store.set(patch);
}

/** The current layout widths, re-rendering on change. */
export function useLayoutPrefs(): LayoutPrefs {
  return store.useStore();
}
