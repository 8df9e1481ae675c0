import {
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { CSSProperties, KeyboardEvent, MouseEvent, Ref } from 'react';
import type { CoverageMap, CoverageNote } from '../../data/types';
import { unitLabel } from './coverageTime';
import { describeCell } from './describeCell';
import { drawCoverage, rowLabels } from './drawCoverage';
import { heatmapLayout, hitCell, scrollToCell } from './heatmapLayout';
import type { CellPos } from './heatmapLayout';
import { CoverageTooltip } from './CoverageTooltip';
import type { CellRect } from './CoverageTooltip';
import { readCoveragePalette } from './readCoveragePalette';

/** What the coverage dialog may ask of the heatmap. */
export interface CoverageHeatmapHandle {
  readonly reveal: (cell: CellPos) => void;
}

/**
 * The heat map: a canvas painting only the visible cells under a transparent scroller that gives
 * the scrollbars, the pointer and the keyboard. One cell is active at a time (arrow keys, Home/End,
 * Page Up/Down; Enter picks it), exposed to assistive technology as the grid's active descendant
 * with its full description. Hover or focus shows the cell's exact counts as a text tooltip.
 */
export function CoverageHeatmap(props: {
  readonly map: CoverageMap;
  readonly notes: ReadonlyMap<number, CoverageNote>;
  readonly names: ReadonlyMap<string, string>;
  readonly onPick: (cell: CellPos) => void;
  /** Receives `reveal(cell)`: scrolls to the cell, makes it active and focuses the grid. */
  readonly handle?: Ref<CoverageHeatmapHandle>;
}) {
  const { map, notes, names, onPick, handle } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const frame = useRef(0);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [hover, setHover] = useState<{ cell: CellPos; rect: CellRect } | undefined>();
  const [activeRect, setActiveRect] = useState<CellRect | undefined>();
  const [active, setActive] = useState<CellPos | undefined>();
  const [focused, setFocused] = useState(false);
  const cursorId = useId();
  const layout = useMemo(
    () => heatmapLayout(size.width, map.columns, map.rows.length),
    [size.width, map.columns, map.rows.length],
  );
  const labels = useMemo(() => rowLabels(map.rows, names), [map.rows, names]);
  const maxEvents = useMemo(() => map.events.reduce((m, v) => Math.max(m, v), 0), [map.events]);

  const draw = useCallback(() => {
    const c = canvas.current;
    const s = scroller.current;
    const ctx = c?.getContext('2d');
    if (c === null || s === null || ctx === null || ctx === undefined) return;
    const dpr = window.devicePixelRatio;
    const width = s.clientWidth;
    const height = s.clientHeight;
    if (c.width !== Math.round(width * dpr) || c.height !== Math.round(height * dpr)) {
      c.width = Math.round(width * dpr);
      c.height = Math.round(height * dpr);
      c.style.width = `${width}px`;
      c.style.height = `${height}px`;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawCoverage(ctx, {
      map,
      layout,
      labels,
      palette: readCoveragePalette(c),
      maxEvents,
      scrollLeft: s.scrollLeft,
      scrollTop: s.scrollTop,
      width,
      height,
    });
  }, [map, layout, labels, maxEvents]);

  useEffect(() => {
    const s = scroller.current;
    if (s === null) return;
    const observer = new ResizeObserver(() =>
      setSize({ width: s.clientWidth, height: s.clientHeight }),
    );
    observer.observe(s);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    draw();
    return () => cancelAnimationFrame(frame.current);
  }, [draw, size]);
  // A theme switch (the system's light/dark) changes the CSS colours the canvas is painted with.
  useEffect(() => {
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', draw);
    return () => scheme.removeEventListener('change', draw);
  }, [draw]);
  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(draw);
    setHover(undefined);
    setActiveRect(focused && active !== undefined ? rectOf(active) : undefined);
  };
  /** Where a cell is on screen now (the scroller's scroll offsets applied). */
  const rectOf = (cell: CellPos): CellRect | undefined => {
    const s = scroller.current;
    if (s === null) return undefined;
    const box = s.getBoundingClientRect();
    const left = box.left + layout.labelWidth + cell.column * layout.cellWidth - s.scrollLeft;
    const top = box.top + layout.headerHeight + cell.row * layout.cellHeight - s.scrollTop;
    return { left, top, right: left + layout.cellWidth, bottom: top + layout.cellHeight };
  };

  const pointAt = (e: MouseEvent<HTMLDivElement>) => {
    const s = e.currentTarget;
    const rect = s.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    if (x >= s.clientWidth || y >= s.clientHeight) return undefined;
    return hitCell(layout, x, y, s.scrollLeft, s.scrollTop);
  };
  const onMouseMove = (e: MouseEvent<HTMLDivElement>) => {
    const at = pointAt(e);
    setHover((old) => {
      if (at === undefined) return undefined;
      if (old?.cell.row === at.row && old.cell.column === at.column) return old;
      const rect = rectOf(at);
      return rect === undefined ? undefined : { cell: at, rect };
    });
  };
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const at = pointAt(e);
    if (at === undefined) return;
    setActive(at);
    onPick(at);
  };
  const moveTo = (cell: CellPos) => {
    const s = scroller.current;
    setActive(cell);
    setHover(undefined);
    if (s === null) return;
    const to = scrollToCell(layout, cell, s.scrollLeft, s.scrollTop, s.clientWidth, s.clientHeight);
    s.scrollLeft = to.left;
    s.scrollTop = to.top;
    setActiveRect(rectOf(cell));
  };
  useImperativeHandle(handle, () => ({
    reveal: (cell: CellPos) => {
      // Focus first: the focus handler would otherwise put the cursor back where it was.
      scroller.current?.focus();
      moveTo(cell);
    },
  }));
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = active ?? { row: 0, column: 0 };
    const page = Math.max(
      1,
      Math.floor((size.height - layout.headerHeight) / layout.cellHeight) - 1,
    );
    const clamp = (row: number, column: number) => ({
      row: Math.min(map.rows.length - 1, Math.max(0, row)),
      column: Math.min(map.columns - 1, Math.max(0, column)),
    });
    const moves: Record<string, CellPos> = {
      ArrowLeft: clamp(at.row, at.column - 1),
      ArrowRight: clamp(at.row, at.column + 1),
      ArrowUp: clamp(at.row - 1, at.column),
      ArrowDown: clamp(at.row + 1, at.column),
      Home: clamp(at.row, 0),
      End: clamp(at.row, map.columns - 1),
      PageUp: clamp(at.row - page, at.column),
      PageDown: clamp(at.row + page, at.column),
    };
    const next = moves[e.key];
    if (next !== undefined) {
      e.preventDefault();
      moveTo(next);
    } else if ((e.key === 'Enter' || e.key === ' ') && active !== undefined) {
      e.preventDefault();
      onPick(active);
    }
  };

  const shown =
    hover ??
    (focused && active !== undefined && activeRect !== undefined
      ? { cell: active, rect: activeRect }
      : undefined);
  const description =
    shown === undefined
      ? undefined
      : describeCell(
          map,
          shown.cell.row,
          shown.cell.column,
          notes.get(shown.cell.row * map.columns + shown.cell.column),
          names,
        );
  const activeDescription =
    active === undefined
      ? undefined
      : describeCell(
          map,
          active.row,
          active.column,
          notes.get(active.row * map.columns + active.column),
          names,
        );
  const activeRow = active === undefined ? undefined : map.rows[active.row];
  const cellBox = (cell: CellPos) => ({
    left: layout.labelWidth + cell.column * layout.cellWidth,
    top: layout.headerHeight + cell.row * layout.cellHeight,
    width: layout.cellWidth,
    height: layout.cellHeight,
  });
  return (
    <div
      className="coverage-heatmap"
      style={{ '--coverage-content-height': `${layout.contentHeight + 16}px` } as CSSProperties}
    >
      <canvas ref={canvas} className="coverage-canvas" aria-hidden="true" />
      <div
        ref={scroller}
        className="coverage-scroll"
        role="grid"
        tabIndex={0}
        aria-label={`Evidence coverage: ${map.rows.length} account and Region rows by ${map.unit === 'minutes' ? unitLabel(map.unit, map.step) : map.unit === 'hour' ? 'hour' : map.unit === 'day' ? 'day' : 'week'}, UTC. Arrow keys move, Enter filters the table to the cell.`}
        aria-rowcount={map.rows.length}
        aria-colcount={map.columns}
        aria-activedescendant={active === undefined ? undefined : cursorId}
        data-testid="coverage-grid"
        data-label-width={layout.labelWidth}
        data-header-height={layout.headerHeight}
        data-cell-width={layout.cellWidth}
        data-cell-height={layout.cellHeight}
        onScroll={onScroll}
        onMouseMove={onMouseMove}
        onMouseLeave={() => setHover(undefined)}
        onClick={onClick}
        onKeyDown={onKeyDown}
        onFocus={() => {
          setFocused(true);
          const cell = active ?? { row: 0, column: 0 };
          setActive(cell);
          setActiveRect(rectOf(cell));
        }}
        onBlur={() => setFocused(false)}
      >
        <div
          className="coverage-sizer"
          style={{ width: layout.contentWidth, height: layout.contentHeight }}
        >
          {hover === undefined ? null : (
            <div className="coverage-hover" aria-hidden="true" style={cellBox(hover.cell)} />
          )}
          {active === undefined || activeDescription === undefined ? null : (
            <div role="row" aria-rowindex={active.row + 1}>
              <div
                id={cursorId}
                role="gridcell"
                aria-colindex={active.column + 1}
                aria-label={[
                  activeDescription.title,
                  activeDescription.when,
                  ...activeDescription.lines,
                ].join('. ')}
                className={focused ? 'coverage-cursor coverage-cursor-focus' : 'coverage-cursor'}
                style={cellBox(active)}
                data-testid="coverage-cursor"
                data-row={active.row}
                data-column={active.column}
                data-account={activeRow?.account}
                data-region={activeRow?.region}
                data-from={new Date(activeDescription.from).toISOString()}
                data-events={map.events[active.row * map.columns + active.column] ?? 0}
                data-marks={activeDescription.marks.join(' ')}
              />
            </div>
          )}
        </div>
      </div>
      {description === undefined || shown === undefined ? null : (
        <CoverageTooltip
          description={description}
          rect={shown.rect}
          other={map.rows[shown.cell.row]?.other === true}
        />
      )}
    </div>
  );
}
