/** Colours and font the chart paints its canvas with, resolved from CSS so themes apply. */
export interface TimelinePalette {
  readonly ok: string;
  readonly error: string;
  /** Detection hits: their thin bars and the ticks above the bins that hold any. */
  readonly hit: string;
  readonly axis: string;
  readonly grid: string;
  readonly font: string;
}

/** Used when a variable is missing, e.g. before Timeline.css has loaded. */
export const DEFAULT_PALETTE: TimelinePalette = {
  ok: '#7f98b5',
  error: '#e5534b',
  hit: '#bf3989',
  axis: '#57606a',
  grid: '#eaeef2',
  font: 'system-ui, sans-serif',
};

/**
 * Reads the `--timeline-*` custom properties (see Timeline.css) from `el`. A canvas cannot use CSS
 * variables, so the chart re-reads them before each redraw.
 */
export function readPalette(el: Element): TimelinePalette {
  const style = getComputedStyle(el);
  const read = (name: string, fallback: string) => {
    const v = style.getPropertyValue(name).trim();
    return v === '' ? fallback : v;
  };
  return {
    ok: read('--timeline-ok', DEFAULT_PALETTE.ok),
    error: read('--timeline-error', DEFAULT_PALETTE.error),
    hit: read('--timeline-hit', DEFAULT_PALETTE.hit),
    axis: read('--timeline-axis', DEFAULT_PALETTE.axis),
    grid: read('--timeline-grid', DEFAULT_PALETTE.grid),
    font: style.fontFamily === '' ? DEFAULT_PALETTE.font : style.fontFamily,
  };
}
