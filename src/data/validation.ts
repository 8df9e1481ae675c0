import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { engineClient } from '../engine/engineClient';
import type { ValidationExtras } from '../engine/types';
import { datasetInfoQuery } from './datasetQueries';
import { setIngestState } from './ingestState';
import { readKey } from './keys';
import { useValidationExtras, validationExtras } from './validationExtras';

/** The validation of the stored files with these extras (keys, signatures). */
export const validationQuery = (extras: ValidationExtras) =>
  queryOptions({
    queryKey: readKey('integrity', 'validate', extras),
    queryFn: () => engineClient().integrity.validate(extras),
    staleTime: Infinity,
  });

/**
 * Re-validates when the dataset has digests, holding the page's busy signal meanwhile so the
 * validation summary is final whenever the page says idle. Call after an ingest, at load, and when
 * keys or signatures change.
 */
export async function refreshValidation(client: QueryClient): Promise<void> {
  const info = await client.query({ ...datasetInfoQuery(), staleTime: 0 });
  if (info.digestFiles === 0) return;
  setIngestState({ validating: true });
  try {
    await client.query(validationQuery(validationExtras()));
  } catch {
    // The summary shows the query's error.
  } finally {
    setIngestState({ validating: false });
  }
}

/** The current validation run, when the dataset has digests. */
export function useValidation() {
  const extras = useValidationExtras();
  const digests = useQuery(datasetInfoQuery()).data?.digestFiles ?? 0;
  return useQuery({ ...validationQuery(extras), enabled: digests > 0 });
}
