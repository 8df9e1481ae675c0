import { useMemo } from 'react';
import { useViewState } from '../../data/useViewState';
import { COLUMN_WIDTH, setPrefs, usePrefs } from '../prefs/usePrefs';
import { moveColumn, orderColumns } from './columnLayout';
import { columns, DEFAULT_HIDDEN } from './columns';

const ALL_IDS = columns.map((c) => c.id ?? '');
const DEFAULT_WIDTH = new Map(columns.map((c) => [c.id ?? '', c.size ?? 120]));

/**
 * Which table columns are visible, in what order and how wide. A link's `cols` parameter wins for
 * visibility and order (a shared view shows the columns it was shared with); otherwise the saved
 * preferences, else the console's defaults. Choosing or moving columns updates both, so the URL
 * always describes what is on screen. Widths (px) are the user's, remembered, else the defaults.
 */
export function useVisibleColumns() {
  const prefs = usePrefs();
  const [view, setView] = useViewState();
  const fromUrl = view.cols;
  const visibility = useMemo<Record<string, boolean>>(() => {
    if (fromUrl !== null) {
      const shown = new Set(fromUrl);
      return Object.fromEntries(ALL_IDS.map((id) => [id, id === 'eventTime' || shown.has(id)]));
    }
    return Object.fromEntries(
      ALL_IDS.map((id) => [id, prefs.columns[id] ?? DEFAULT_HIDDEN[id] ?? true]),
    );
  }, [fromUrl, prefs.columns]);
  const order = useMemo(
    () => orderColumns(ALL_IDS, fromUrl ?? [], prefs.columnOrder),
    [fromUrl, prefs.columnOrder],
  );
  const saved = prefs.columnWidths;
  /** A column's default width, px (`saved` holds those the user set). */
  const width = (id: string) => DEFAULT_WIDTH.get(id) ?? 120;
  const shownIn = (ids: readonly string[], visible: Record<string, boolean>) =>
    ids.filter((c) => visible[c] === true);
  const setVisible = (id: string, visible: boolean) => {
    const next = { ...visibility, [id]: visible };
    setPrefs({ columns: next });
    void setView({ cols: shownIn(order, next) }, { history: 'replace' });
  };
  const reset = () => {
    setPrefs({ columns: {}, columnOrder: [], columnWidths: {} });
    void setView({ cols: null }, { history: 'replace' });
  };
  /** Moves column `id` to where `target` is (see moveColumn). */
  const move = (id: string, target: string) => {
    const next = moveColumn(order, id, target);
    if (next === order) return;
    setPrefs({ columnOrder: next });
    if (fromUrl !== null) void setView({ cols: shownIn(next, visibility) }, { history: 'replace' });
  };
  /** Remembers a column's width, px, within COLUMN_WIDTH. */
  const setWidth = (id: string, px: number) => {
    const w = Math.round(Math.min(COLUMN_WIDTH.max, Math.max(COLUMN_WIDTH.min, px)));
    setPrefs({ columnWidths: { ...saved, [id]: w } });
  };
  return { visibility, order, width, saved, setVisible, reset, move, setWidth };
}
