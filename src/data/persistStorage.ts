import type { QueryClient } from '@tanstack/react-query';
import { create } from 'zustand';
import { datasetInfoQuery } from './datasetQueries';
import { storageStatusQuery } from './caseQueries';

/** The answer to the last request for persistent storage in this page, if one was made. */
export type PersistOutcome = 'granted' | 'declined' | 'unsupported';

const usePersistStore = create<{ readonly outcome: PersistOutcome | undefined }>()(() => ({
  outcome: undefined,
}));
/** Asked once a page as an ingest starts (Firefox shows a prompt each time it is asked). */
let askedOnIngest = false;

/**
 * Asks the browser to keep this site's data under storage pressure (navigator.storage.persist()).
 * Browsers decide by their own rules (Firefox asks the user; Chromium grants it to sites with
 * engagement, bookmarks or notifications; Safari may grant it to sites in use) and may decline.
 * @see https://developer.mozilla.org/en-US/docs/Web/API/StorageManager/persist
 */
export async function requestPersistence(client: QueryClient): Promise<PersistOutcome> {
  let next: PersistOutcome = 'unsupported';
  try {
    if ('storage' in navigator && typeof navigator.storage.persist === 'function') {
      next = (await navigator.storage.persist()) ? 'granted' : 'declined';
    }
  } catch {
    next = 'declined';
  }
  usePersistStore.setState({ outcome: next });
  await client.invalidateQueries({ queryKey: storageStatusQuery().queryKey });
  return next;
}

/**
 * Called as an ingest starts: the first files into an empty case are when keeping the data starts to
 * matter, so ask then (once a page: Firefox shows a prompt each time it is asked).
 */
export async function persistOnFirstIngest(client: QueryClient): Promise<void> {
  if (askedOnIngest) return;
  const info = client.getQueryData(datasetInfoQuery().queryKey);
  if (info !== undefined && info.eventCount > 0) return;
  askedOnIngest = true;
  try {
    if (!('storage' in navigator) || (await navigator.storage.persisted())) return;
  } catch {
    return;
  }
  await requestPersistence(client);
}

/** The last persistence request's outcome in this page, re-rendering when it changes. */
export function usePersistOutcome(): PersistOutcome | undefined {
  return usePersistStore((s) => s.outcome);
}
