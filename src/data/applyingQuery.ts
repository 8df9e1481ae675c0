import { useSyncExternalStore } from 'react';

let applying = 0;
const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};

/**
 * Marks a query as being applied (its search runs before the view changes, see useSearchView):
 * until the returned function is called, the count on screen is not the count of the query asked
 * for, and the match-count hook says so. Calls nest.
 */
export function beginApplyingQuery(): () => void {
  applying++;
  notify();
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    applying--;
    notify();
  };
}

/** True while a query is being applied; re-renders only its caller (the match count). */
export function useApplyingQuery(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => applying > 0,
  );
}
