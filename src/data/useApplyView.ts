import { createLoader } from 'nuqs';
import { useCallback } from 'react';
import { useViewState, viewParsers } from './useViewState';

const loadView = createLoader(viewParsers);

/**
 * Applies a saved view (a URL search string such as `?q=tag%3Ax&order=asc`, from a case bundle):
 * every view parameter takes the saved value, or its default when the string lacks it, in one
 * history entry. Unknown parameters are ignored; malformed values fall back to defaults (nuqs).
 */
export function useApplyView(): (search: string) => Promise<void> {
  const [, setView] = useViewState();
  return useCallback(
    async (search: string) => {
      await setView(loadView(search));
    },
    [setView],
  );
}
