import { useState } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { SORT_COLUMNS } from '../../data/types';
import type { SortColumn, TableOrder } from '../../data/types';
import { zoneLabel } from '../common/formatTime';
import { cellStyle } from './columnStyle';

/** One header cell's column: its id and label. */
export interface HeaderColumn {
  readonly id: string;
  readonly label: string;
}

const SORTABLE: ReadonlySet<string> = new Set(SORT_COLUMNS);
const isSortColumn = (id: string): id is SortColumn => SORTABLE.has(id);

/**
 * The sticky header row. A click on a label sorts by that column (again: the other way); Event
 * time names the zone. A label dragged onto another moves its column there (Alt+←/→ from the
 * keyboard); the edge at a label's right resizes its column by dragging, and fits it to the rows on
 * screen by a double click.
 */
export function EventTableHeader(props: {
  readonly columns: readonly HeaderColumn[];
  readonly widths: ReadonlyMap<string, number>;
  /** The last column, which takes any width left over. */
  readonly fill: string | undefined;
  readonly width: number;
  readonly timeZone: 'utc' | 'local';
  readonly order: TableOrder;
  readonly onSort: (by: SortColumn | undefined) => void;
  readonly onMove: (id: string, target: string) => void;
  /** A width while the edge is dragged (`done` false), then the width to keep. */
  readonly onResize: (id: string, px: number, done: boolean) => void;
  readonly onFit: (id: string) => void;
}) {
  const { columns, widths, fill, width, timeZone, order, onSort, onMove } = props;
  const [dragged, setDragged] = useState<string | undefined>(undefined);
  const sortedBy = order.by ?? 'eventTime';
  const moveByKey = (e: KeyboardEvent, index: number) => {
    if (!e.altKey || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    e.preventDefault();
    const target = columns[index + (e.key === 'ArrowLeft' ? -1 : 1)];
    const id = columns[index]?.id;
    if (target !== undefined && id !== undefined) onMove(id, target.id);
  };
  return (
    <div className="event-table-head" role="row" aria-rowindex={1} style={{ minWidth: width }}>
      <div className="event-table-th-check" role="columnheader">
        <span className="visually-hidden">Compare</span>
      </div>
      <div className="event-table-th-marks" role="columnheader">
        <span className="visually-hidden">Marks</span>
      </div>
      {columns.map(({ id, label }, index) => {
        const active = sortedBy === id;
        const arrow = active ? (order.dir === 'desc' ? ' ↓' : ' ↑') : '';
        const text =
          id === 'eventTime' ? `${label} (${timeZone === 'utc' ? 'UTC' : 'local'})` : label;
        return (
          <div
            key={id}
            className={`event-table-th${dragged === id ? ' is-dragged' : ''}`}
            role="columnheader"
            data-column={id}
            aria-sort={active ? (order.dir === 'desc' ? 'descending' : 'ascending') : undefined}
            style={cellStyle(widths.get(id) ?? 100, id === fill)}
            draggable={id !== 'eventTime'}
            onDragStart={(e) => {
              e.dataTransfer.setData('text/x-cairn-column', id);
              e.dataTransfer.effectAllowed = 'move';
              setDragged(id);
            }}
            onDragEnd={() => setDragged(undefined)}
            onDragOver={(e) => {
              if (dragged !== undefined && id !== 'eventTime') e.preventDefault();
            }}
            onDrop={(e) => {
              e.preventDefault();
              if (dragged !== undefined) onMove(dragged, id);
              setDragged(undefined);
            }}
          >
            {id === 'eventTime' || isSortColumn(id) ? (
              <button
                type="button"
                className="th-sort"
                title={sortTitle(id, label, active, order, timeZone)}
                onClick={() => onSort(isSortColumn(id) ? id : undefined)}
                onKeyDown={(e) => moveByKey(e, index)}
              >
                {/* Not today's offset: across daylight saving it is wrong for some rows. */}
                <span className="th-text">{text}</span>
                {arrow === '' ? null : <span className="th-arrow">{arrow}</span>}
              </button>
            ) : (
              <span className="th-label" title={label}>
                {text}
              </span>
            )}
            <ResizeEdge
              onResize={(px, done) => props.onResize(id, px, done)}
              onFit={() => props.onFit(id)}
            />
          </div>
        );
      })}
    </div>
  );
}

/** The draggable right edge of a header cell. Mouse only: Fit and the defaults serve the keyboard. */
function ResizeEdge(props: {
  readonly onResize: (px: number, done: boolean) => void;
  readonly onFit: () => void;
}) {
  const [start, setStart] = useState<{ x: number; width: number } | undefined>(undefined);
  const widthAt = (e: PointerEvent) =>
    Math.round((start?.width ?? 0) + e.clientX - (start?.x ?? e.clientX));
  return (
    <span
      className="th-resize"
      aria-hidden="true"
      title="Drag to resize; double-click to fit the rows shown"
      // The header cell is draggable (to reorder): this edge must not start that drag.
      draggable={false}
      onDragStart={(e) => e.preventDefault()}
      onMouseDown={(e) => e.preventDefault()}
      onClick={(e) => e.stopPropagation()}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.preventDefault();
        e.stopPropagation();
        e.currentTarget.setPointerCapture(e.pointerId);
        const cell = e.currentTarget.parentElement;
        setStart({ x: e.clientX, width: cell?.getBoundingClientRect().width ?? 0 });
      }}
      onPointerMove={(e) => {
        if (start !== undefined) props.onResize(widthAt(e), false);
      }}
      onPointerUp={(e) => {
        if (start === undefined) return;
        props.onResize(widthAt(e), true);
        setStart(undefined);
      }}
      onPointerCancel={() => setStart(undefined)}
      onDoubleClick={(e) => {
        e.stopPropagation();
        props.onFit();
      }}
    />
  );
}

function sortTitle(
  id: string,
  label: string,
  active: boolean,
  order: TableOrder,
  timeZone: 'utc' | 'local',
): string {
  if (id === 'eventTime') {
    const now = !active
      ? 'Click to sort newest first'
      : order.dir === 'desc'
        ? 'Newest first: click for oldest first'
        : 'Oldest first: click for newest first';
    return `${label}. ${now}${timeZone === 'local' ? `. ${LOCAL_NOTE} ${zoneLabel('local')}.` : ''}`;
  }
  const now = !active
    ? 'click to sort A to Z'
    : order.dir === 'asc'
      ? 'sorted A to Z (case ignored), equal values oldest first: click for Z to A'
      : 'sorted Z to A (case ignored), equal values newest first: click for A to Z';
  return `${label}: ${now}. Alt+←/→ moves the column.`;
}

const LOCAL_NOTE =
  'Local time: a row whose UTC offset differs from the one now (daylight saving) shows its own. Now';
