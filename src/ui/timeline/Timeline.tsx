import { useMemo, useRef } from 'react';
import { describeTimeline } from './describeTimeline';
import { binLength, summarizeBins } from './TimelineBins';
import type { TimelineBins } from './TimelineBins';
import { useTimelinePlot } from './useTimelinePlot';
import './Timeline.css';

export type { TimelineBins } from './TimelineBins';

/** Props of `Timeline`. */
export interface TimelineProps {
  /** Counts to draw; undefined while loading or for an empty dataset (an empty frame is drawn). */
  readonly bins: TimelineBins | undefined;
  /** Axis labels and readout in UTC or the browser's local time. */
  readonly timeZone: 'utc' | 'local';
  /**
   * Called when the user brushes (drag-selects) a range: [from, to) in ms since epoch, widened to
   * whole bins. The chart does not zoom itself: pass new bins for the new range.
   */
  readonly onBrush: (from: number, to: number) => void;
  /** Height in CSS px, axes included. Default 96. */
  readonly height?: number;
}

const DEFAULT_HEIGHT = 96;

/**
 * Histogram of events over time above the event table: successes and errors as stacked bars, the
 * events with a detection hit as a thin bar over them and a tick above their bin (with a legend),
 * a hover readout of the bin under the cursor, and drag-to-brush a time range.
 *
 * E2E tests brush by mouse-dragging across `[data-testid="timeline"] .u-over`, uPlot's overlay
 * element that receives the mouse events (mousedown, move, mouseup; at least 3 px wide).
 */
export function Timeline({ bins, timeZone, onBrush, height = DEFAULT_HEIGHT }: TimelineProps) {
  const plotRef = useRef<HTMLDivElement>(null);
  const readoutRef = useRef<HTMLDivElement>(null);
  useTimelinePlot({ plotRef, readoutRef, bins, timeZone, onBrush, height });
  const label = useMemo(() => describeTimeline(bins, timeZone), [bins, timeZone]);
  const empty = binLength(bins) === 0;
  const hits = useMemo(() => summarizeBins(bins)?.hits ?? 0, [bins]);

  return (
    <div
      className={['timeline', empty ? 'is-empty' : '', hits === 0 ? '' : 'has-hits']
        .join(' ')
        .trim()}
      role="img"
      aria-label={label}
      data-testid="timeline"
      style={{ height }}
    >
      <div ref={plotRef} className="timeline-plot" />
      {hits === 0 ? null : (
        <div className="timeline-legend" aria-hidden="true" data-testid="timeline-hits-legend">
          <span className="timeline-legend-swatch" />
          <span>detection hits</span>
        </div>
      )}
      {/* Filled by useTimelinePlot with textContent only; empty hides it. */}
      <div ref={readoutRef} className="timeline-readout" aria-hidden="true" />
    </div>
  );
}
