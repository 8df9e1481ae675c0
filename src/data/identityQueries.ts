import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { engineClient } from '../engine/engineClient';
import type { EngineClient } from '../engine/engineClient';
import { readKey } from './keys';
import { NO_SELECTION, useViewState } from './useViewState';

/** One identity's profile (analysis/identityTypes.ts IdentityProfile), as the page receives it. */
export type IdentityProfileView = Awaited<ReturnType<EngineClient['identity']['profile']>>;
/** The top identities of the case, for the picker. */
export type TopIdentitiesView = Awaited<ReturnType<EngineClient['identity']['top']>>;

/** The profile of identity `value`; `baseline` (ms since epoch) for "new", else the engine's default. */
export const identityProfileQuery = (value: string, baseline: number | undefined) =>
  queryOptions({
    queryKey: readKey('identity', 'profile', value, baseline ?? null),
    queryFn: () => engineClient().identity.profile(value, baseline),
  });

/** The `limit` identities with most events; AWS service principals only with `includeServices`. */
export const topIdentitiesQuery = (limit: number, includeServices: boolean) =>
  queryOptions({
    queryKey: readKey('identity', 'top', limit, includeServices),
    queryFn: () => engineClient().identity.top(limit, includeServices),
  });

/** The profile of `value`; the previous answer stays while a new baseline is computed. */
export function useIdentityProfile(value: string, baseline: number | undefined) {
  return useQuery({ ...identityProfileQuery(value, baseline), placeholderData: keepPreviousData });
}

/** The case's top identities (see topIdentitiesQuery). */
export function useTopIdentities(limit: number, includeServices: boolean) {
  return useQuery({
    ...topIdentitiesQuery(limit, includeServices),
    placeholderData: keepPreviousData,
  });
}

/**
 * Verbs of the Identity view, each one history entry: open one identity's profile (`identity` in
 * the URL, the view `identity`), add one beside those shown (compare), remove one, or set them all.
 */
export function useIdentityActions() {
  const [view, setView] = useViewState();
  const identities = view.identity;
  const shown = useMemo(() => identities ?? [], [identities]);
  const openIdentity = useCallback(
    (value: string) => void setView({ view: 'identity', identity: [value], ...NO_SELECTION }),
    [setView],
  );
  const compareWith = useCallback(
    (value: string) =>
      void setView({
        view: 'identity',
        identity: shown.includes(value) ? shown : [...shown, value],
      }),
    [setView, shown],
  );
  const removeIdentity = useCallback(
    (value: string) => {
      const rest = shown.filter((v) => v !== value);
      void setView({ view: 'identity', identity: rest.length === 0 ? null : rest });
    },
    [setView, shown],
  );
  return { shown, openIdentity, compareWith, removeIdentity };
}
