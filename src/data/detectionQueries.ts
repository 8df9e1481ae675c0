import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { engineClient } from '../engine/engineClient';
import type { EngineClient } from '../engine/engineClient';
import { setIngestState } from './ingestState';
import { DATASET_KEY, readKey } from './keys';

/** The Detections view's content (engine/DetectionService.ts DetectionsView). */
export type DetectionsView = Awaited<ReturnType<EngineClient['detections']['view']>>;
/** One rule as shown: metadata, origin (credit and link), hits and their span. */
export type RuleSummary = DetectionsView['rules'][number];
/** One rule's hit on an event, with its suppression if any. */
export type EventRuleHit = Awaited<ReturnType<EngineClient['detections']['eventHits']>>[number];
/** One of the case's rule files as read: rule ids, or problems with lines. */
export type RuleFileReading = DetectionsView['files'][number];

/** The Detections view of the open case. */
export const detectionsQuery = () =>
  queryOptions({
    queryKey: readKey('detections', 'view'),
    queryFn: () => engineClient().detections.view(),
  });

/** The rules event `row` matched. */
export const eventHitsQuery = (row: number) =>
  queryOptions({
    queryKey: readKey('detections', 'eventHits', row),
    queryFn: () => engineClient().detections.eventHits(row),
  });

/** Every call of the open case (eventSource, eventName) with its event count. */
export const callCountsQuery = () =>
  queryOptions({
    queryKey: readKey('detections', 'callCounts'),
    queryFn: () => engineClient().detections.callCounts(),
  });

/** The open case's detections; undefined until read. */
export function useDetections(): DetectionsView | undefined {
  return useQuery(detectionsQuery()).data;
}

/** How often the progress line is refreshed while rules run (ms). */
const POLL_MS = 250;

/**
 * Follows the engine's detection runs until they end: the progress line reads `detecting`
 * meanwhile (and the page's busy signal holds, so the Detections view and `rule:` counts are final
 * whenever the page says idle); then every read that hits change is refreshed. Call after an
 * ingest, at load, and after the rule set or suppressions change.
 */
export async function followDetections(client: QueryClient): Promise<void> {
  const api = engineClient().detections;
  const state = { done: false };
  const tick = async () => {
    while (!state.done) {
      const p = await api.progress();
      // Settled while the answer was on its way: the final state is set below.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the finally below meanwhile
      if (state.done) return;
      setIngestState({ detecting: p.running ? { done: p.done, total: p.total } : undefined });
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  };
  setIngestState({ detecting: { done: 0, total: 0 } });
  const ticking = tick();
  try {
    await api.settled();
  } finally {
    state.done = true;
    await ticking.catch(() => undefined);
    await invalidateDetections(client);
    setIngestState({ detecting: undefined });
  }
}

/** Marks every read that detection hits feed stale: the view, event hits, searches (`rule:`). */
export function invalidateDetections(client: QueryClient): Promise<void> {
  return client.invalidateQueries({
    predicate: (q) =>
      q.queryKey[0] === DATASET_KEY[0] &&
      (q.queryKey[1] === 'detections' || q.queryKey[1] === 'search' || q.queryKey[1] === 'report'),
  });
}

/**
 * Triage and the case's own rules. Each resolves once stored and the hits are final.
 * @throws Error with a readable reason (an unknown rule, too many files).
 */
export function useDetectionActions() {
  const client = useQueryClient();
  return useMemo(() => {
    const api = () => engineClient().detections;
    return {
      suppress: async (ruleId: string, row: number | undefined, note: string) => {
        await api().suppress(ruleId, row, note);
        await invalidateDetections(client);
      },
      unsuppress: async (ruleId: string, row: number | undefined) => {
        await api().unsuppress(ruleId, row);
        await invalidateDetections(client);
      },
      addRuleFiles: async (files: readonly { name: string; text: string }[]) => {
        const readings = await api().addRuleFiles(files);
        await followDetections(client);
        return readings;
      },
      removeRuleFile: async (name: string) => {
        await api().removeRuleFile(name);
        await followDetections(client);
      },
      report: (format: 'markdown' | 'json' | 'csv') => api().report(format),
    };
  }, [client]);
}
