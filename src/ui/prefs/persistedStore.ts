import { create } from 'zustand';
import type { UseBoundStore, StoreApi } from 'zustand';

/**
 * A zustand store of view preferences kept in localStorage under `key`: read once at start through
 * `parse` (given the stored text, or null; it validates, since another tab or an extension may have
 * written anything), and written whole on every `set`. Without localStorage (a sandboxed frame,
 * some private modes) or with a full quota, the preferences last for the session.
 */
export function persistedStore<T extends object>(
  key: string,
  parse: (raw: string | null) => T,
): { readonly useStore: UseBoundStore<StoreApi<T>>; readonly set: (patch: Partial<T>) => void } {
  const read = (): T => {
    try {
      return parse(localStorage.getItem(key));
    } catch {
      return parse(null);
    }
  };
  const useStore = create<T>()(() => read());
  const set = (patch: Partial<T>): void => {
    useStore.setState(patch);
    try {
      localStorage.setItem(key, JSON.stringify(useStore.getState()));
    } catch {
      // The session keeps the change; the next load has the last one stored.
    }
  };
  return { useStore, set };
}
