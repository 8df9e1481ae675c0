import { useMemo } from 'react';
import { useViewState } from '../../data/useViewState';
import { setPrefs, usePrefs } from '../prefs/usePrefs';
import { columns, DEFAULT_HIDDEN } from './columns';

const ALL_IDS = columns.map((c) => c.id ?? '');

/**
 * Which table columns are visible. A link's `cols` parameter wins (a shared view shows the columns it
 * was shared with); otherwise the saved preference, else the console's defaults. Choosing columns
 * updates both, so the URL always describes what is on screen.
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
  const setVisible = (id: string, visible: boolean) => {
    const next = { ...visibility, [id]: visible };
    setPrefs({ columns: next });
    void setView({ cols: ALL_IDS.filter((c) => next[c] === true) }, { history: 'replace' });
  };
  const reset = () => {
    setPrefs({ columns: {} });
    void setView({ cols: null }, { history: 'replace' });
  };
  return { visibility, setVisible, reset };
}
