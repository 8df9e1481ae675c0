import { COVERAGE_FLAG } from '../../data/types';
import type { CoverageMap } from '../../data/types';
import { visibleString } from '../common/visibleText';
import { columnTicks } from './columnTicks';
import type { HeatmapLayout } from './heatmapLayout';
import { visibleCells } from './heatmapLayout';
import type { CoveragePalette } from './readCoveragePalette';

/** A row's label, as plain text (log values already escaped). */
export interface RowLabel {
  readonly account: string;
  /** The user's name for the account. */
  readonly name?: string;
  readonly region: string;
  /** The catch-all row: drawn in italics. */
  readonly other?: boolean;
}

/**
 * The row labels the canvas draws for `rows`, `names` being the user's names for accounts. Canvas
 * text cannot hold styled escapes, so every value (accounts, names, Regions: all from logs or
 * imported files) goes through visibleString: a tag character or bidi override in an `awsRegion`
 * is drawn as its escape, never as itself.
 */
export function rowLabels(
  rows: CoverageMap['rows'],
  names: ReadonlyMap<string, string>,
): RowLabel[] {
  return rows.map((row) => {
    const name = names.get(row.account);
    return {
      account: row.account === '' ? '(no account)' : visibleString(row.account),
      ...(name === undefined ? {} : { name: visibleString(name) }),
      region: row.region === '' ? '(no Region)' : visibleString(row.region),
      ...(row.other === true ? { other: true } : {}),
    };
  });
}

/** What one frame draws: the map scrolled to (scrollLeft, scrollTop) in a view of width × height px. */
export interface CoverageFrame {
  readonly map: CoverageMap;
  readonly layout: HeatmapLayout;
  readonly labels: readonly RowLabel[];
  readonly palette: CoveragePalette;
  /** The most events in any cell: the top of the intensity scale. */
  readonly maxEvents: number;
  readonly scrollLeft: number;
  readonly scrollTop: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Paints the visible part of the map: cells (intensity by events on a log scale; digest, no-digest,
 * problem, gap and tampering marks as the legend explains them), then the row labels and the time
 * axis, which stay put while the cells scroll. Only visible cells are touched, so a frame costs the
 * same at 20 or 2,000 columns.
 */
export function drawCoverage(ctx: CanvasRenderingContext2D, f: CoverageFrame): void {
  const { map, layout, palette: p } = f;
  const { labelWidth: lw, headerHeight: hh, cellWidth: cw, cellHeight: ch } = layout;
  ctx.fillStyle = p.background;
  ctx.fillRect(0, 0, f.width, f.height);
  const v = visibleCells(layout, f.scrollLeft, f.scrollTop, f.width, f.height);
  const scale = Math.log1p(Math.max(1, f.maxEvents));

  ctx.save();
  ctx.beginPath();
  ctx.rect(lw, hh, f.width - lw, f.height - hh);
  ctx.clip();
  const w = cw - 1;
  const h = ch - 2;
  for (let r = v.firstRow; r <= v.lastRow; r++) {
    const y = hh + r * ch - f.scrollTop + 1;
    for (let c = v.firstColumn; c <= v.lastColumn; c++) {
      const cell = r * map.columns + c;
      const x = lw + c * cw - f.scrollLeft;
      const events = map.events[cell] ?? 0;
      const flags = map.flags[cell] ?? 0;
      const shade = Math.min(
        p.shades.length - 1,
        Math.floor((Math.log1p(events) / scale) * p.shades.length),
      );
      ctx.fillStyle =
        events > 0
          ? (p.shades[shade] ?? p.quiet)
          : (map.logFiles[cell] ?? 0) > 0 || (map.digests[cell] ?? 0) > 0
            ? p.quiet
            : p.empty;
      ctx.fillRect(x, y, w, h);
      if (flags === 0) continue;
      if ((flags & COVERAGE_FLAG.covered) !== 0) {
        ctx.fillStyle = p.digest;
        ctx.fillRect(x, y + h - 3, w, 3);
      }
      if ((flags & COVERAGE_FLAG.uncovered) !== 0) {
        ctx.fillStyle = p.uncovered;
        ctx.fillRect(x, y, w, 3);
      }
      if ((flags & COVERAGE_FLAG.gap) !== 0) hatch(ctx, x, y, w, h, p.gap);
      if ((flags & COVERAGE_FLAG.problem) !== 0) {
        ctx.strokeStyle = p.problem;
        ctx.lineWidth = 2;
        ctx.strokeRect(x + 1, y + 1, w - 2, h - 2);
      }
      if ((flags & COVERAGE_FLAG.tampering) !== 0)
        diamond(ctx, x + w / 2, y + h / 2, Math.min(w, h), p);
    }
  }
  ctx.restore();

  const ticks = columnTicks({
    start: map.start,
    step: map.step,
    unit: map.unit,
    first: v.firstColumn,
    last: Math.max(v.firstColumn, v.lastColumn),
    cellWidth: cw,
  });
  // Where a day (hours) or month (days) begins, and where the next account's rows begin, a line
  // through the cells helps the eye.
  ctx.fillStyle = p.line;
  for (const t of ticks) {
    if (t.line !== 0 || t.column === v.firstColumn) continue;
    ctx.fillRect(lw + t.column * cw - f.scrollLeft - 1, hh, 1, f.height - hh);
  }
  drawLabels(ctx, f, v.firstRow, v.lastRow);
  ctx.fillStyle = p.line;
  for (let r = v.firstRow + 1; r <= v.lastRow; r++) {
    if (f.labels[r]?.account !== f.labels[r - 1]?.account)
      ctx.fillRect(0, hh + r * ch - f.scrollTop - 1, f.width, 1);
  }
  drawAxis(ctx, f, ticks);
}

function drawLabels(ctx: CanvasRenderingContext2D, f: CoverageFrame, first: number, last: number) {
  const { layout, palette: p } = f;
  const { labelWidth: lw, headerHeight: hh, cellHeight: ch } = layout;
  ctx.fillStyle = p.background;
  ctx.fillRect(0, hh, lw, f.height - hh);
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, hh, lw, f.height - hh);
  ctx.clip();
  ctx.textBaseline = 'middle';
  for (let r = first; r <= last; r++) {
    const label = f.labels[r];
    if (label === undefined) continue;
    const y = hh + r * ch - f.scrollTop + ch / 2;
    if (label.other === true) {
      ctx.font = `italic 12px ${p.font}`;
      ctx.fillStyle = p.muted;
      ctx.fillText(fit(ctx, 'Other accounts and Regions', lw - 16), 8, y);
      continue;
    }
    ctx.font = `12px ${p.font}`;
    const regionWidth = Math.min(110, ctx.measureText(label.region).width);
    ctx.fillStyle = p.text;
    ctx.textAlign = 'right';
    ctx.fillText(fit(ctx, label.region, 110), lw - 8, y);
    ctx.textAlign = 'left';
    // An account's rows are grouped: its ID heads the group (and the top row when scrolled).
    if (r !== first && f.labels[r - 1]?.account === label.account) continue;
    ctx.font = `12px ${p.mono}`;
    const account = fit(ctx, label.account, lw - regionWidth - 24);
    ctx.fillText(account, 8, y);
    if (label.name !== undefined) {
      const used = ctx.measureText(account).width;
      ctx.font = `12px ${p.font}`;
      ctx.fillStyle = p.muted;
      ctx.fillText(fit(ctx, label.name, lw - regionWidth - 30 - used), 14 + used, y);
    }
  }
  ctx.restore();
  ctx.fillStyle = p.line;
  ctx.fillRect(lw - 1, 0, 1, f.height);
}

function drawAxis(
  ctx: CanvasRenderingContext2D,
  f: CoverageFrame,
  ticks: ReturnType<typeof columnTicks>,
) {
  const { layout, palette: p } = f;
  const { labelWidth: lw, headerHeight: hh, cellWidth: cw } = layout;
  ctx.fillStyle = p.background;
  ctx.fillRect(0, 0, f.width, hh);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.font = `600 11px ${p.font}`;
  ctx.fillStyle = p.muted;
  ctx.fillText('Account · Region', 8, hh / 2 + 4);
  ctx.save();
  ctx.beginPath();
  ctx.rect(lw, 0, f.width - lw, hh);
  ctx.clip();
  for (const t of ticks) {
    const x = lw + t.column * cw - f.scrollLeft;
    if (t.line === 0) {
      ctx.font = `600 11px ${p.font}`;
      ctx.fillStyle = p.text;
      ctx.fillText(t.text, x + 2, 11);
    } else {
      ctx.font = `11px ${p.font}`;
      ctx.fillStyle = p.muted;
      ctx.fillText(t.text, x + 1, 28);
      ctx.fillStyle = p.line;
      ctx.fillRect(x, hh - 4, 1, 4);
    }
  }
  ctx.restore();
  ctx.fillStyle = p.line;
  ctx.fillRect(0, hh - 1, f.width, 1);
}

/** Red diagonal lines over a cell, and its outline: time no digest covers. */
function hatch(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  color: string,
) {
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  for (let d = -h; d < w; d += 5) {
    ctx.moveTo(x + d, y + h);
    ctx.lineTo(x + d + h, y);
  }
  ctx.stroke();
  ctx.restore();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
}

/** The tampering glyph: a yellow diamond with a dark edge, visible on any shade. */
function diamond(
  ctx: CanvasRenderingContext2D,
  cx: number,
  cy: number,
  size: number,
  p: CoveragePalette,
) {
  const r = Math.max(3, size / 2 - 1);
  ctx.beginPath();
  ctx.moveTo(cx, cy - r);
  ctx.lineTo(cx + r, cy);
  ctx.lineTo(cx, cy + r);
  ctx.lineTo(cx - r, cy);
  ctx.closePath();
  ctx.fillStyle = p.tampering;
  ctx.fill();
  ctx.strokeStyle = p.tamperingEdge;
  ctx.lineWidth = 1;
  ctx.stroke();
}

/** `text` cut with an ellipsis to fit `width` px in the current font. */
function fit(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (width <= 0) return '';
  if (ctx.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}
