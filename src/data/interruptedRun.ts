import { queryOptions } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { ingestClient } from '../engine/engineClient';
import { keys } from './keys';

/** The last ingest, if the page closed before it ended (null otherwise); refreshed with the dataset. */
export const interruptedRunQuery = () =>
  queryOptions({
    queryKey: [...keys.all, 'interruptedRun'] as const,
    queryFn: async () => (await ingestClient().interruptedRun()) ?? null,
  });

/** Forgets the rest of the interrupted run (what it stored stays) and hides the notice. */
export async function discardInterruptedRun(client: QueryClient): Promise<void> {
  await ingestClient().discardInterruptedRun();
  await client.invalidateQueries({ queryKey: interruptedRunQuery().queryKey });
}
