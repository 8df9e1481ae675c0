import { useEffect, useRef } from 'react';
import { useIngestState } from './ingestState';
import { useViewState } from './useViewState';

/**
 * Whether the page was opened on a chosen view or query (a link, a bookmark, a check that names
 * `view` or `q`): read once, when the app loads, because the URL then changes as the user works
 * (nuqs drops a parameter set to its default). Such a page keeps its view after every ingest.
 */
const OPENED_ON_A_VIEW = (() => {
  if (typeof window === 'undefined') return true;
  const params = new URLSearchParams(window.location.search);
  return params.has('view') || (params.get('q') ?? '') !== '';
})();

/**
 * Makes the situation report the first screen after an ingest: when an ingest that began on an
 * empty case ends with events, and neither the URL the page opened on nor the current one names a
 * view or a query (a link that does, or a `?q=` check, keeps its view) and it was not a case bundle's, shows `view=report`, replacing
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
    if (OPENED_ON_A_VIEW || params.has('view') || (params.get('q') ?? '') !== '') return;
    void setView({ view: 'report' }, { history: 'replace' });
  }, [phase, eventCount, setView, bundle]);
}
