import uPlot from 'uplot';
import { describeBin } from './describeTimeline';
import { readPalette } from './readPalette';
import { binLength, snapToBins } from './TimelineBins';
import type { TimelineBins } from './TimelineBins';
import { countTickLabel, timeTickLabels } from './timeTickLabels';

/**
 * What the chart's callbacks read when they run. The component updates it in place, so new props
 * take effect without rebuilding the uPlot instance.
 */
export interface TimelineLive {
  bins: TimelineBins | undefined;
  zone: 'utc' | 'local';
  onBrush: (from: number, to: number) => void;
}

/** Drags shorter than this (CSS px) stay clicks rather than brushes. */
const MIN_BRUSH_PX = 3;

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const MO = 30 * D;
const Y = 365 * D;
/**
 * Tick spacings for the time axis: uPlot's defaults minus sub-second ones (CloudTrail times are whole
 * seconds). uPlot treats multiples of 30 and 365 days as calendar months and years.
 */
const TIME_INCRS = [
  ...[1, 5, 10, 15, 30].map((n) => n * S),
  ...[1, 5, 10, 15, 30].map((n) => n * M),
  ...[1, 2, 3, 4, 6, 8, 12].map((n) => n * H),
  ...[1, 2, 3, 5, 7, 10, 15].map((n) => n * D),
  ...[1, 2, 3, 4, 6].map((n) => n * MO),
  ...[1, 2, 5, 10, 25, 50, 100].map((n) => n * Y),
];
/** Whole-number steps for the count axis: no `0.5 events`. */
const COUNT_INCRS = Array.from({ length: 11 }, (_, k) => 10 ** k).flatMap((p) => [p, 2 * p, 5 * p]);

/**
 * uPlot options for the stacked-bar timeline in `host`, sized `width` × `height` CSS px. Times are
 * in ms (`ms: 1`). Hovering writes the bin under the cursor into `readout` as text; a drag calls
 * `live.onBrush` with the touched bins' range and clears the selection without zooming.
 */
export function timelineOptions(
  live: Readonly<TimelineLive>,
  host: HTMLElement,
  readout: HTMLElement,
  width: number,
  height: number,
): uPlot.Options {
  let palette = readPalette(host);
  // The palette changes only with the theme, which follows the system: reading the computed style
  // on every redraw forced a style recalculation each time new counts arrived.
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  let paletteDark = dark.matches;
  /** Bin index and zone of the readout's text, so it is rebuilt only when either changes. */
  let shown = '';
  const font = `11px ${palette.font}`;
  const axisStroke = () => palette.axis;
  const grid = { stroke: () => palette.grid, width: 1 };

  return {
    width,
    height,
    ms: 1,
    tzDate: (ts) => (live.zone === 'utc' ? uPlot.tzDate(new Date(ts), 'Etc/UTC') : new Date(ts)),
    legend: { show: false },
    // The right padding leaves room for half of the last time label, which is centred on its tick.
    padding: [8, 24, 0, 0],
    cursor: {
      y: false,
      points: { show: false },
      drag: { x: true, y: false, setScale: false, dist: MIN_BRUSH_PX },
    },
    scales: {
      x: { time: true, range: () => xRange(live.bins) },
      y: { range: (_u, _min, max) => [0, max > 0 ? max : 1] },
    },
    series: [
      {},
      // No point markers: uPlot draws them, filled white, at every value of a sparse series, so each
      // empty bin became a bright dot on the axis in the dark theme. A zero bin draws nothing.
      {
        label: 'Succeeded',
        fill: () => palette.ok,
        width: 0,
        paths: barPaths(),
        points: { show: false },
      },
      // Drawn from the successes' height up to the total (see `bands`): errors sit on top.
      {
        label: 'Errors',
        fill: () => palette.error,
        width: 0,
        paths: barPaths(),
        points: { show: false },
      },
      // A thin bar in the middle of each bin, as tall as its events with a detection hit.
      {
        label: 'Detection hits',
        fill: () => palette.hit,
        width: 0,
        paths: barPaths(HIT_BAR),
        points: { show: false },
      },
    ],
    bands: [{ series: [2, 1] }],
    axes: [
      {
        font,
        stroke: axisStroke,
        size: 20,
        gap: 3,
        space: 64,
        incrs: TIME_INCRS,
        values: (_u, splits, _axis, _space, incr) => timeTickLabels(splits, incr, live.zone),
        grid,
        ticks: { ...grid, size: 3 },
      },
      {
        font,
        stroke: axisStroke,
        size: 38,
        gap: 3,
        space: 18,
        incrs: COUNT_INCRS,
        values: (_u, splits) => splits.map(countTickLabel),
        grid,
        ticks: { show: false },
      },
    ],
    hooks: {
      // Canvas colours cannot follow CSS variables by themselves: re-read them when the theme turns.
      drawClear: [
        () => {
          if (dark.matches === paletteDark) return;
          paletteDark = dark.matches;
          palette = readPalette(host);
        },
      ],
      setData: [
        () => {
          shown = '';
          readout.textContent = '';
        },
      ],
      setCursor: [
        (u) => {
          const idx = u.cursor.idx ?? null;
          const key = idx === null ? '' : `${idx} ${live.zone}`;
          if (key === shown) return;
          shown = key;
          readout.textContent = idx === null ? '' : describeBin(live.bins, idx, live.zone);
        },
      ],
      setSelect: [(u) => brush(u, live)],
      // One hit among thousands is a bar too short to see: a tick above each bin with any says so.
      draw: [(u) => drawHitTicks(u, live.bins, palette.hit)],
    },
  };
}

/** Reports a finished drag as a range of whole bins, then hides the selection box. */
function brush(u: uPlot, live: Readonly<TimelineLive>): void {
  const { left, width } = u.select;
  u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
  if (width < MIN_BRUSH_PX) return;
  const range = snapToBins(live.bins, u.posToVal(left, 'x'), u.posToVal(left + width, 'x'));
  if (range !== undefined) live.onBrush(range[0], range[1]);
}

/** The x range spans whole bins, so the first and last bars are not cut in half. */
function xRange(bins: TimelineBins | undefined): uPlot.Range.MinMax {
  const n = binLength(bins);
  if (bins === undefined || n === 0) return [0, H];
  return [bins.start, bins.start + n * bins.step];
}

/** Bar width as uPlot's [fraction of the bin, max px, min px]; the full bars fill their bins. */
type BarSize = [factor: number, max: number, min: number];
const FULL_BAR: BarSize = [1, Infinity, 1];
const HIT_BAR: BarSize = [0.34, 6, 2];
/** Height of a hit tick above the plot, CSS px (it sits in the chart's top padding). */
const TICK_PX = 4;

function barPaths(size: BarSize = FULL_BAR): uPlot.Series.PathBuilder {
  const bars = uPlot.paths.bars;
  if (bars === undefined) throw new Error('uPlot was built without the bars path builder');
  // A 1 px gap keeps neighbouring bars apart; uPlot drops it once bars get too thin for one.
  return bars({ size, gap: 1 });
}

/** Paints a tick in the top padding over each bin that holds a detection hit. */
function drawHitTicks(u: uPlot, bins: TimelineBins | undefined, colour: string): void {
  const n = binLength(bins);
  if (bins?.hits === undefined || n === 0) return;
  const { ctx } = u;
  const ratio = uPlot.pxRatio;
  const top = u.bbox.top - (TICK_PX + 2) * ratio;
  const min = 2 * ratio;
  ctx.save();
  ctx.fillStyle = colour;
  for (let i = 0; i < n; i++) {
    if ((bins.hits[i] ?? 0) === 0) continue;
    const from = u.valToPos(bins.start + i * bins.step, 'x', true);
    const to = u.valToPos(bins.start + (i + 1) * bins.step, 'x', true);
    const width = Math.max(min, to - from - ratio);
    ctx.fillRect((from + to - width) / 2, top, width, TICK_PX * ratio);
  }
  ctx.restore();
}
