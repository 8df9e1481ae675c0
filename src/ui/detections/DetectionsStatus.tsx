import { useDetections } from '../../data/detectionQueries';
import { useIngestState } from '../../data/ingestState';
import { formatCount } from '../common/formatCount';
import { detectionFigures, summaryText } from './detectionSummary';

/**
 * "Running detection rules… 12/57" while rules run (nothing waits on it), else what was found:
 * "7 rules matched 712 events, 2 high" or "No detection rule matched", as a button that opens the
 * Detections view. Never blank: while files are read, and before the first answer, it says when
 * the rules run. Its data attributes carry the figures for tests: `data-rules`, `data-events`,
 * `data-high` (high and critical rules).
 */
export function DetectionsStatus(props: { readonly onOpen: () => void }) {
  const view = useDetections();
  const detecting = useIngestState((s) => s.detecting);
  const phase = useIngestState((s) => s.phase);
  // While files are read the hits lag behind the events: a count now would read as final.
  if (phase !== 'idle' && detecting === undefined)
    return (
      <span className="detections-progress muted" role="status" data-testid="detections-progress">
        Detection rules run when the {phase === 'loading' ? 'case has loaded' : 'ingest ends'}
      </span>
    );
  // The ingest state is the truth on a run: a view read mid-run stays cached until the run ends.
  if (detecting !== undefined || view === undefined)
    return <DetectionsProgress done={detecting?.done ?? 0} total={detecting?.total ?? 0} />;
  const figures = detectionFigures(view.rules, view.eventsMatched);
  const severe = figures.critical + figures.high;
  return (
    <button
      type="button"
      className={`detections-summary${severe > 0 ? ' is-severe' : ''}`}
      data-testid="detections-summary"
      data-rules={figures.rules}
      data-events={figures.events}
      data-high={severe}
      title="Open the Detections view: the SigmaHQ rules and your own, run over every event"
      onClick={props.onOpen}
    >
      {summaryText(figures)}
    </button>
  );
}

/** The progress line while detection rules run: it never blocks anything. */
export function DetectionsProgress(props: { readonly done: number; readonly total: number }) {
  const { done, total } = props;
  return (
    <span className="detections-progress muted" role="status" data-testid="detections-progress">
      Running detection rules…{total > 0 ? ` ${formatCount(done)}/${formatCount(total)}` : ''}
    </span>
  );
}
