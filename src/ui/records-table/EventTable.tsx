import { useTable } from '@tanstack/react-table';
import { memo, useEffect, useEffectEvent, useId, useMemo, useRef, useState } from 'react';
import type { CSSProperties, KeyboardEvent } from 'react';
import type { SearchRequest, SortColumn, TableOrder } from '../../data/types';
import type { Selection, ShownRow } from '../../data/useSelection';
import { useFileIntegrityMap } from '../../data/fileIntegrity';
import { focusEventDetail } from '../keyboard/focusTargets';
import { isTypingTarget, modalOpen } from '../keyboard/isTypingTarget';
import { usePrefs } from '../prefs/usePrefs';
import { CELL_PADDING, CHECK_WIDTH, MARKS_WIDTH } from './columnStyle';
import { layoutWidths } from './columnLayout';
import { columns, features, isLoaded, MONO_COLUMNS } from './columns';
import { measureText, tableFonts } from './measureText';
import type { TableFonts } from './measureText';
import { NoMatches } from './NoMatches';
import type { TableRow } from './columns';
import { EventTableHeader } from './EventTableHeader';
import { EventTableRow } from './EventTableRow';
import { useRowWindow } from './useRowWindow';
import { useVisibleColumns } from './useVisibleColumns';
import { useScaledVirtualizer } from './useScaledVirtualizer';
import { tableTime } from './tableTime';
import type { TableTime } from './tableTime';
import './EventTable.css';

const ROW_HEIGHT = 28;
/** Height of the sticky header row, which covers the top of the scrolled area. */
const HEADER_HEIGHT = 30;
/** The fonts before the table is in the page (measured again once it is). */
const FALLBACK_FONTS: TableFonts = {
  text: '12.5px sans-serif',
  mono: '12px monospace',
  head: '600 12.5px sans-serif',
};
/** Widest a double click fits a column to, px: a 1 MB value would otherwise take the screen. */
const FIT_MAX = 640;

/**
 * The Event history table: every event, virtualised (only visible rows exist in the DOM and only
 * their pages are fetched), newest first by default: an ARIA grid whose selected row is its active
 * descendant. ↑/↓, PageUp/PageDown, Home/End (and j/k from anywhere outside a text field) move the
 * selection; Enter moves the focus into the detail pane; Space marks the selected row for comparison.
 * https://www.w3.org/WAI/ARIA/apg/patterns/grid/
 */
export const EventTable = memo(function EventTable(props: {
  /** Rows in the search result. */
  readonly count: number;
  readonly request: SearchRequest;
  /** Changes whenever the result does (see resultVersion). */
  readonly version: string;
  readonly order: TableOrder;
  /** Sorts by a column (undefined: event time); the current one again flips the direction. */
  readonly onSort: (by: SortColumn | undefined) => void;
  /** False while stored records are still being scanned: "no matches" waits for the end. */
  readonly complete: boolean;
  /** The selected event; its row is kept in view whenever it changes. */
  readonly selection: Selection | undefined;
  /** Selects the event at a position, with its row when the table has it loaded. */
  readonly onSelect: (position: number, shown?: ShownRow) => void;
  /** Row ids marked for comparison. */
  readonly marked: ReadonlySet<number>;
  /** True when no more rows can be marked. */
  readonly markFull: boolean;
  readonly onToggleMark: (row: number) => void;
}) {
  const { count, request, version, order, selection, onSelect } = props;
  const { marked, markFull, onToggleMark } = props;
  const prefs = usePrefs();
  // The offset the header stands for, read at render: a render a day keeps it current enough.
  const now = Date.now();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { items, totalHeight, rowTop, scrollToRow } = useScaledVirtualizer({
    count,
    rowHeight: ROW_HEIGHT,
    scrollRef,
  });
  const start = items[0]?.index ?? 0;
  const end = (items.at(-1)?.index ?? -1) + 1;
  const loaded = useRowWindow(request, version, order, start, end);
  const data = useMemo<TableRow[]>(
    () => loaded.map((r, i) => r ?? { placeholder: true, row: -1 - (start + i) }),
    [loaded, start],
  );
  const layout = useVisibleColumns();
  const { visibility: columnVisibility } = layout;
  const integrity = useFileIntegrityMap();
  const table = useTable({ features, columns, data, state: { columnVisibility } });
  const rows = table.getRowModel().rows;
  const shown = layout.order.filter((id) => columnVisibility[id] === true);
  const fill = shown.at(-1);
  const [fonts, setFonts] = useState(FALLBACK_FONTS);
  const [available, setAvailable] = useState(0);
  // While an edge is dragged: that column's width, kept once the pointer is released.
  const [resizing, setResizing] = useState<{ id: string; px: number } | undefined>(undefined);
  useEffect(() => {
    const el = scrollRef.current;
    if (el === null) return;
    setFonts(tableFonts(el));
    const observer = new ResizeObserver(() =>
      setAvailable(el.clientWidth - CHECK_WIDTH - MARKS_WIDTH),
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const widths = layoutWidths(
    shown,
    resizing === undefined ? layout.saved : { ...layout.saved, [resizing.id]: resizing.px },
    layout.width,
    available,
  );
  const columnsWidth = shown.reduce((w, id) => w + (widths.get(id) ?? 0), 0);
  const fillWidth = (widths.get(fill ?? '') ?? 0) + Math.max(0, available - columnsWidth);
  /** Fits a column to its label and the text of the rows loaded now. */
  const fit = (id: string) => {
    const column = columns.find((c) => c.id === id);
    let px = measureText(fonts.head, `${String(column?.header ?? '')} (UTC) ↓`);
    const font = MONO_COLUMNS.has(id) ? fonts.mono : fonts.text;
    for (const r of loaded) {
      if (r === undefined) continue;
      const text =
        id === 'eventTime'
          ? tableTime(r.eventTime, r.flags, prefs.timeZone, now).text
          : cellValue(rows.find((x) => x.original === r)?.getValue(id));
      px = Math.max(px, measureText(font, text));
    }
    layout.setWidth(id, Math.min(FIT_MAX, Math.ceil(px) + CELL_PADDING + 4));
  };

  // Where the last selection was: after Escape closes the detail, j/k/↓ carry on from there.
  const lastPosition = useRef(-1);
  // The selected row stays in view, whatever moved it: a click, a key, a link, Back.
  // scrollToRow is a fresh closure each render; only a new position should scroll.
  const revealRow = useEffectEvent((position: number) => scrollToRow(position, HEADER_HEIGHT));
  const selected = selection?.position;
  useEffect(() => {
    if (selected === undefined) return;
    lastPosition.current = selected;
    revealRow(selected);
  }, [selected]);
  const moveBy = (step: number) => {
    if (count === 0) return;
    const from = selection?.position ?? Math.min(lastPosition.current, count - 1);
    const position = Math.min(count - 1, Math.max(0, from + step));
    onSelect(position, loaded[position - start]);
  };
  // j/k move through the events from anywhere outside a text field (and outside dialogs).
  const moveRef = useRef(moveBy);
  useEffect(() => {
    moveRef.current = moveBy;
  });
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.key !== 'j' && e.key !== 'k') || e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTypingTarget(e.target) || modalOpen()) return;
      e.preventDefault();
      moveRef.current(e.key === 'j' ? 1 : -1);
      // The grid takes the focus so that the selected row is announced and arrows work next.
      scrollRef.current?.focus({ preventScroll: true });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const move = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const steps: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: page,
      PageUp: -page,
      Home: -Infinity,
      End: Infinity,
    };
    const step = steps[e.key];
    if (step === undefined || count === 0) return;
    e.preventDefault();
    moveBy(step);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === ' ') {
      // A focused checkbox toggles itself; only Space on the grid marks the selected row.
      if (e.target !== e.currentTarget) return;
      e.preventDefault();
      // A held key would flip the mark on and off as it repeats.
      if (e.repeat) return;
      const row = selection?.row;
      if (row !== undefined && (marked.has(row) || !markFull)) onToggleMark(row);
      return;
    }
    if (e.key === 'Enter' && e.target === e.currentTarget && selection !== undefined) {
      e.preventDefault();
      focusEventDetail();
      return;
    }
    move(e);
  };
  const rowIdPrefix = useId();
  const activeRowId =
    selection !== undefined && items.some((i) => i.index === selection.position)
      ? `${rowIdPrefix}-${selection.position}`
      : undefined;
  const width = CHECK_WIDTH + MARKS_WIDTH + columnsWidth;
  // One width for the header's spacers (CSS) and the rows' checkbox and marks cells.
  const checkWidth: CSSProperties & { '--check-width': string; '--marks-width': string } = {
    '--check-width': `${CHECK_WIDTH}px`,
    '--marks-width': `${MARKS_WIDTH}px`,
  };
  const headerColumns = shown.map((id) => ({
    id,
    label: String(columns.find((c) => c.id === id)?.header ?? id),
  }));
  return (
    <div
      className="event-table"
      // The version whose rows are all on screen: the bench's "first screen" signal.
      data-rows-version={loaded.fresh ? version : undefined}
      ref={scrollRef}
      role="grid"
      aria-label="Events"
      aria-rowcount={count + 1}
      aria-colcount={shown.length + 2}
      // The focus stays on the grid; the selected row is the active descendant screen readers read.
      aria-activedescendant={activeRowId}
      data-focus-area="event-table"
      tabIndex={0}
      onKeyDown={onKeyDown}
      style={checkWidth}
    >
      <EventTableHeader
        columns={headerColumns}
        widths={widths}
        fill={fill}
        width={width}
        timeZone={prefs.timeZone}
        order={order}
        onSort={props.onSort}
        onMove={layout.move}
        onResize={(id, px, done) => {
          if (done) {
            layout.setWidth(id, px);
            setResizing(undefined);
          } else setResizing({ id, px: Math.max(40, px) });
        }}
        onFit={fit}
      />
      {count === 0 && props.complete ? <NoMatches /> : null}
      <div
        className="event-table-body"
        role="rowgroup"
        style={{ height: totalHeight, minWidth: width }}
      >
        {items.map((item) => {
          const row = rows[item.index - start];
          if (row === undefined) return null;
          const original = row.original;
          return (
            <EventTableRow
              key={item.index}
              id={`${rowIdPrefix}-${item.index}`}
              row={row}
              position={item.index}
              top={rowTop(item.start)}
              height={ROW_HEIGHT}
              time={
                isLoaded(original)
                  ? tableTime(original.eventTime, original.flags, prefs.timeZone, now)
                  : NO_TIME
              }
              selected={selection?.position === item.index}
              marked={isLoaded(original) && marked.has(original.row)}
              markFull={markFull}
              integrity={integrity}
              order={shown}
              widths={widths}
              fill={fill}
              fillWidth={fillWidth}
              fonts={fonts}
              onToggleMark={() => {
                if (isLoaded(original)) onToggleMark(original.row);
              }}
              onClick={() => onSelect(item.index, isLoaded(original) ? original : undefined)}
            />
          );
        })}
      </div>
    </div>
  );
});

const NO_TIME: TableTime = { text: '', invalid: false };

/** A cell's accessor value as text ('' when it is not a string). */
function cellValue(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
