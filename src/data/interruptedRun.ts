import { queryOptions } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { engineClient } from '../engine/engineClient';
import { readKey } from './keys';

/** The last ingest, if the page closed before it ended (null otherwise); refreshed with the dataset. */
export const interruptedRunQuery = () =>
  queryOptions({
    queryKey: readKey('dataset', 'interruptedRun'),
    queryFn: async () => (await engineClient().dataset.interruptedRun()) ?? null,
  });

/** Forgets the rest of the interrupted run (what it stored stays) and hides the notice. */
export async function discardInterruptedRun(client: QueryClient): Promise<void> {
  await engineClient().dataset.discardInterruptedRun();
  await client.invalidateQueries({ queryKey: interruptedRunQuery().queryKey });
}
