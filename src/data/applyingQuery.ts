import { create } from 'zustand';

const useApplyingStore = create<{ readonly applying: number }>()(() => ({ applying: 0 }));

/**
 * Marks a query as being applied (its search runs before the view changes, see useSearchView):
 * until the returned function is called, the count on screen is not the count of the query asked
 * for, and the match-count hook says so. Calls nest.
 */
export function beginApplyingQuery(): () => void {
  useApplyingStore.setState((s) => ({ applying: s.applying + 1 }));
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    useApplyingStore.setState((s) => ({ applying: s.applying - 1 }));
  };
}

/** True while a query is being applied; re-renders only its caller (the match count). */
export function useApplyingQuery(): boolean {
  return useApplyingStore((s) => s.applying > 0);
}
