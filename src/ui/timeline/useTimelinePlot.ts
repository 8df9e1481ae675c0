import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { stackBins } from './TimelineBins';
import type { TimelineBins } from './TimelineBins';
import { timelineOptions } from './timelineOptions';
import type { TimelineLive } from './timelineOptions';

/** Inputs of `useTimelinePlot`: where to draw, and the props the chart follows. */
export interface TimelinePlotInputs {
  /** Element the chart fills; its width is tracked with a ResizeObserver. */
  readonly plotRef: RefObject<HTMLDivElement | null>;
  /** Element that receives the hover readout as plain text. */
  readonly readoutRef: RefObject<HTMLDivElement | null>;
  readonly bins: TimelineBins | undefined;
  readonly timeZone: 'utc' | 'local';
  readonly onBrush: (from: number, to: number) => void;
  /** Chart height in CSS px, axes included. */
  readonly height: number;
}

/**
 * Owns the uPlot instance behind `Timeline`: created once per mount, then fed new data, size, zone
 * and callback through `setData`, `setSize`, a redraw and a live object its callbacks read, and
 * destroyed on unmount.
 */
export function useTimelinePlot(inputs: TimelinePlotInputs): void {
  const { plotRef, readoutRef, bins, timeZone, onBrush, height } = inputs;
  const live = useRef<TimelineLive>({ bins, zone: timeZone, onBrush });
  const heightRef = useRef(height);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const host = plotRef.current;
    const readout = readoutRef.current;
    if (host === null || readout === null) return undefined;
    const width = Math.max(1, Math.floor(host.clientWidth));
    const opts = timelineOptions(live.current, host, readout, width, heightRef.current);
    const u = new uPlot(opts, stackBins(live.current.bins), host);
    plot.current = u;

    const resize = new ResizeObserver(() => {
      const w = Math.floor(host.clientWidth);
      if (w > 0 && w !== u.width) u.setSize({ width: w, height: heightRef.current });
    });
    resize.observe(host);
    // A theme switch changes the CSS colours the canvas was painted with.
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    const repaint = () => u.redraw(false);
    scheme.addEventListener('change', repaint);

    return () => {
      scheme.removeEventListener('change', repaint);
      resize.disconnect();
      plot.current = null;
      u.destroy();
    };
  }, [plotRef, readoutRef]);

  useEffect(() => {
    // On mount the chart was just built with these bins.
    if (live.current.bins === bins) return;
    live.current.bins = bins;
    plot.current?.setData(stackBins(bins));
  }, [bins]);

  useEffect(() => {
    if (live.current.zone === timeZone) return;
    live.current.zone = timeZone;
    const u = plot.current;
    if (u === null) return;
    // tzDate and the tick labels read the zone on each call: recompute the axes with it, and
    // re-announce the cursor so the readout is rewritten in the new zone.
    u.redraw(true, true);
    u.setCursor({ left: u.cursor.left ?? -1, top: u.cursor.top ?? -1 });
  }, [timeZone]);

  useEffect(() => {
    heightRef.current = height;
    const u = plot.current;
    if (u !== null && u.height !== height) u.setSize({ width: u.width, height });
  }, [height]);

  useEffect(() => {
    live.current.onBrush = onBrush;
  }, [onBrush]);
}
