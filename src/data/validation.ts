import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { engineClient } from '../engine/engineClient';
import { datasetInfoQuery } from './datasetQueries';
import { setIngestState } from './ingestState';
import { readKey } from './keys';

/** The validation of the stored files with the case's keys and signatures. */
export const validationQuery = () =>
  queryOptions({
    queryKey: readKey('integrity', 'validate'),
    queryFn: () => engineClient().integrity.validate(),
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
    await client.query(validationQuery());
  } catch {
    // The summary shows the query's error.
  } finally {
    setIngestState({ validating: false });
  }
}

/** The current validation run, when the dataset has digests. */
export function useValidation() {
  const digests = useQuery(datasetInfoQuery()).data?.digestFiles ?? 0;
  return useQuery({ ...validationQuery(), enabled: digests > 0 });
}

/**
 * Whether anything could be validated: `none` once the dataset is known to hold log files and no
 * digest file (nothing can be checked, and the views must say so rather than show nothing), `empty`
 * when it holds no files at all, `digests` when it has digests, undefined while it is opening.
 */
export function useDigestPresence(): 'none' | 'empty' | 'digests' | undefined {
  const info = useQuery(datasetInfoQuery()).data;
  if (info === undefined) return undefined;
  if (info.digestFiles > 0) return 'digests';
  return info.logFiles > 0 ? 'none' : 'empty';
}
