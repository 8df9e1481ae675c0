import { useCallback } from 'react';
import { useViewState } from './useViewState';

/**
 * Opens the profile of one identity (an ARN, user name, access key or principal ID): the Identity
 * view with `identity=<value>`, in one history entry; the filter and time range stay.
 */
export function useOpenIdentity(): (identity: string) => void {
  const [, setView] = useViewState();
  return useCallback(
    (identity: string) => void setView({ view: 'identity', identity: [identity] }),
    [setView],
  );
}
