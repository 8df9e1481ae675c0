import { useEffect, useRef } from 'react';
import { useIngestState } from './ingestState';
import { useViewState } from './useViewState';

/**
 * Makes the situation report the first screen after an ingest: when an ingest that began on an
 * empty case ends with events, and the URL names neither a view nor a query (a link that does, or
 * a `?q=` check, keeps its view) and it was not a case bundle's, shows `view=report`, replacing
 * the history entry.
 */
export function useReportAfterIngest(eventCount: number): void {
  const phase = useIngestState((s) => s.phase);
  const bundle = useIngestState((s) => s.ingesting === 'bundle');
  const [, setView] = useViewState();
  const fromEmpty = useRef(false);
  const armed = useRef(false);
  const last = useRef(phase);
  useEffect(() => {
    const before = last.current;
    last.current = phase;
    if (phase === 'ingesting' && before !== 'ingesting') {
      // A case bundle brings its own view (useApplyView): it keeps it.
      fromEmpty.current = eventCount === 0 && !bundle;
      armed.current = false;
    }
    // The event count may arrive a render after the phase: wait for it.
    if (phase === 'idle' && before !== 'idle' && fromEmpty.current) armed.current = true;
    if (!armed.current || phase !== 'idle' || eventCount === 0) return;
    armed.current = false;
    fromEmpty.current = false;
    const params = new URLSearchParams(window.location.search);
    if (params.has('view') || (params.get('q') ?? '') !== '') return;
    void setView({ view: 'report' }, { history: 'replace' });
  }, [phase, eventCount, setView, bundle]);
}
