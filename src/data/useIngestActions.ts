import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { engineClient, workerCallback } from '../engine/engineClient';
import type { IngestProgress, InputFile } from '../engine/ingest/types';
import { DATASET_KEY } from './keys';
import { setIngestState } from './ingestState';
import { fetchSampleFiles } from './fetchSampleFiles';
import { persistOnFirstIngest } from './persistStorage';
import { refreshValidation } from './validation';
import { followDetections } from './detectionQueries';

/** How often the table and header refresh while an ingest runs, in ms. */
const REFRESH_MS = 2000;

/** The user's data actions: ingest dropped files, cancel, load the bundled sample, clear everything. */
export interface IngestActions {
  /** Accepts the files, or a promise of them while a dropped folder is still being walked. */
  readonly ingest: (inputs: readonly InputFile[] | Promise<readonly InputFile[]>) => Promise<void>;
  readonly cancel: () => void;
  readonly loadSample: () => Promise<void>;
  readonly clear: () => Promise<void>;
}

/**
 * Orchestrates drop → worker ingest → progress → query invalidation, so views only call verbs.
 * The worker serialises runs, so a second drop queues behind the first.
 */
export function useIngestActions(): IngestActions {
  const client = useQueryClient();
  return useMemo(() => {
    const refresh = () => client.invalidateQueries({ queryKey: DATASET_KEY });
    const ingest = async (pending: readonly InputFile[] | Promise<readonly InputFile[]>) => {
      setIngestState({
        phase: 'ingesting',
        ingesting: 'files',
        progress: undefined,
        error: undefined,
      });
      const inputs = await pending;
      if (inputs.length === 0) {
        setIngestState({ phase: 'idle' });
        return;
      }
      void persistOnFirstIngest(client);
      let last = 0;
      try {
        const reports = await engineClient().dataset.ingest(
          inputs,
          workerCallback((progress: IngestProgress) => {
            setIngestState({ progress, waitingForWriter: false });
            if (progress.elapsedMs - last >= REFRESH_MS) {
              last = progress.elapsedMs;
              void refresh();
            }
          }),
          workerCallback(() => setIngestState({ waitingForWriter: true })),
        );
        setIngestState({ reports });
      } catch (error) {
        setIngestState({ error: error instanceof Error ? error.message : String(error) });
      } finally {
        await refresh();
        await refreshValidation(client);
        await followDetections(client);
        setIngestState({ phase: 'idle', progress: undefined, waitingForWriter: false });
      }
    };
    return {
      ingest,
      cancel: () => void engineClient().dataset.cancel(),
      loadSample: async () => {
        setIngestState({
          phase: 'ingesting',
          ingesting: 'files',
          progress: undefined,
          error: undefined,
        });
        try {
          await ingest(await fetchSampleFiles());
        } catch (error) {
          setIngestState({ phase: 'idle', error: `Could not load the sample: ${String(error)}` });
        }
      },
      clear: async () => {
        await engineClient().cases.clear();
        setIngestState({ reports: [] });
        client.removeQueries({ queryKey: DATASET_KEY });
        await refresh();
      },
    };
  }, [client]);
}
