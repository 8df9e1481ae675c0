import { useSyncExternalStore } from 'react';

let epoch = 0;
const listeners = new Set<() => void>();

/**
 * Marks that another case is open: the app remounts under a new key, so nothing held in view state
 * (the selection, compare marks, open panels) outlives the case it belonged to.
 */
export function bumpCaseEpoch(): void {
  epoch++;
  for (const l of listeners) l();
}

/** A number that changes each time another case is opened. */
export function useCaseEpoch(): number {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => epoch,
  );
}
