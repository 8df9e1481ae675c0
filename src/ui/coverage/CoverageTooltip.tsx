import type { CellDescription } from './describeCell';

const WIDTH = 340;
const GAP = 8;

/** A cell's place on screen (client px), for the tooltip to sit beside it. */
export interface CellRect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * A cell's exact counts and marks as text, beside the cell: right of it, or left near the window's
 * right edge; below it, or above in the lower half. Fixed to the viewport, so no scroll box clips it.
 */
export function CoverageTooltip(props: {
  readonly description: CellDescription;
  readonly rect: CellRect;
  /** The catch-all row: a click filters by time only. */
  readonly other: boolean;
}) {
  const { description: d, rect } = props;
  const left =
    rect.right + GAP + WIDTH > window.innerWidth
      ? Math.max(4, rect.left - GAP - WIDTH)
      : rect.right + GAP;
  const vertical =
    rect.top > window.innerHeight / 2
      ? { bottom: window.innerHeight - rect.top + GAP }
      : { top: rect.bottom + GAP };
  return (
    <div
      className="coverage-tooltip"
      role="tooltip"
      data-testid="coverage-tooltip"
      data-marks={d.marks.join(' ')}
      style={{ left, width: WIDTH, ...vertical }}
    >
      <strong>{d.title}</strong>
      <span className="muted">{d.when}</span>
      {d.lines.map((line, i) => (
        <span key={i}>{line}</span>
      ))}
      <span className="muted coverage-tooltip-hint">
        {props.other
          ? 'Click to filter the table to this time (this row holds many accounts)'
          : 'Click or press Enter to filter the table to this account, Region and time'}
      </span>
    </div>
  );
}
