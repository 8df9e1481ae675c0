import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { engineClient, workerCallback } from '../engine/engineClient';
import { setIngestState } from './ingestState';
import { DATASET_KEY } from './keys';
import { refreshValidation } from './validation';
import { followDetections } from './detectionQueries';
import { watchReplayProgress } from './watchReplayProgress';

/**
 * Loads the stored dataset once at start-up: waits for the worker to read the index from IndexedDB
 * (showing how far it is when files stored after the last index save must be parsed again), then marks
 * `cairn:ready` (the benchmark's query-ready time) and turns the idle signal on.
 */
export function useDatasetLoader(): void {
  const client = useQueryClient();
  useEffect(() => {
    // Aborted when the page unmounts the loader (a case switch remounts the app).
    const unmounted = new AbortController();
    const gone = () => unmounted.signal.aborted;
    void engineClient().onCaseClosedElsewhere(
      workerCallback(() => setIngestState({ closedElsewhere: true })),
    );
    // Another tab changed the case (an ingest, Clear data): the worker read it again.
    void engineClient().onCaseChanged(
      workerCallback((phase: 'start' | 'end') => {
        if (phase === 'start') {
          setIngestState({ refreshing: true });
          return;
        }
        void (async () => {
          try {
            await client.invalidateQueries({ queryKey: DATASET_KEY });
            const reports = await engineClient().dataset.lastRun();
            await refreshValidation(client);
            await followDetections(client);
            setIngestState({ reports });
          } finally {
            setIngestState({ refreshing: false });
          }
        })();
      }),
    );
    const stopReplay = watchReplayProgress();
    void (async () => {
      try {
        await engineClient().ready();
        stopReplay();
        const reports = await engineClient().dataset.lastRun();
        if (gone()) return;
        performance.mark('cairn:ready');
        await refreshValidation(client);
        if (gone()) return;
        await followDetections(client);
        if (gone()) return;
        setIngestState({ phase: 'idle', reports });
      } catch (error) {
        stopReplay();
        setIngestState({
          phase: 'idle',
          error: `Could not open the stored dataset: ${String(error)}`,
        });
      }
    })();
    return () => {
      unmounted.abort();
      stopReplay();
    };
  }, [client]);
}
