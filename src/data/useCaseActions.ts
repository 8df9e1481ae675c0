import { useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { engineClient } from '../engine/engineClient';
import type { CaseEntry } from '../db/types';
import { bumpCaseEpoch } from './caseEpoch';
import { casesQuery, storageStatusQuery } from './caseQueries';
import { setIngestState } from './ingestState';
import { watchReplayProgress } from './watchReplayProgress';
import { useViewState } from './useViewState';

/** The user's case actions; each resolves once the UI shows the result. */
export interface CaseActions {
  /** Opens another case (refused by the worker while an ingest runs). */
  readonly open: (id: string) => Promise<void>;
  /** Creates an empty case and opens it: the entry point for importing a case bundle too. */
  readonly createAndOpen: (name?: string) => Promise<CaseEntry>;
  readonly rename: (id: string, name: string) => Promise<void>;
  /** Deletes a case and its data; deleting the open case opens another (or a new empty one). */
  readonly remove: (id: string) => Promise<void>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs `work`, which changes the open case in the worker, then resets everything that belonged to the
 * case before: every cached query answer, the URL view state (query, range, selected event), and the
 * app's own state (remounted by bumpCaseEpoch; its loader then reads the new case's last run). The
 * page reports busy meanwhile. @throws what `work` throws, after restoring the idle state.
 */
async function changeCase(
  client: QueryClient,
  clearView: () => Promise<unknown>,
  work: () => Promise<void>,
): Promise<void> {
  setIngestState({ phase: 'loading', error: undefined, progress: undefined });
  // Opening a case whose last ingest was cut short parses its stored files again: show how far.
  const stopReplay = watchReplayProgress();
  try {
    await work();
  } catch (error) {
    setIngestState({ phase: 'idle', error: message(error) });
    await client.invalidateQueries({ queryKey: casesQuery().queryKey });
    throw error;
  } finally {
    stopReplay();
  }
  await clearView();
  client.removeQueries();
  setIngestState({ reports: [], closedElsewhere: false });
  bumpCaseEpoch();
}

/** The case actions, wired to the worker, the query cache and the URL view state. */
export function useCaseActions(): CaseActions {
  const client = useQueryClient();
  const [, setView] = useViewState();
  return useMemo(() => {
    const clearView = () => setView(null);
    const refreshList = async () => {
      await client.invalidateQueries({ queryKey: casesQuery().queryKey });
      await client.invalidateQueries({ queryKey: storageStatusQuery().queryKey });
    };
    return {
      open: (id) => changeCase(client, clearView, () => engineClient().cases.switchTo(id)),
      createAndOpen: async (name) => {
        const entry = await engineClient().cases.create(name);
        await changeCase(client, clearView, () => engineClient().cases.switchTo(entry.id));
        return entry;
      },
      rename: async (id, name) => {
        await engineClient().cases.rename(id, name);
        await refreshList();
      },
      remove: async (id) => {
        const active = client.getQueryData(casesQuery().queryKey)?.activeId;
        if (id === active) {
          await changeCase(client, clearView, () => engineClient().cases.remove(id));
        } else {
          await engineClient().cases.remove(id);
          await refreshList();
        }
      },
    };
  }, [client, setView]);
}
