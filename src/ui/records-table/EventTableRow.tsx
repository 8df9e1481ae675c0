import { flexRender } from '@tanstack/react-table';
import type { Row } from '@tanstack/react-table';
import type { MouseEvent } from 'react';
import { ROW_FLAG } from '../../data/types';
import { MAX_COMPARE } from '../compare/useCompareMarks';
import type { LogVerdict } from '../../data/types';
import { FileIntegrityMark } from '../validation/FileIntegrityBadge';
import { CELL_PADDING, cellStyle } from './columnStyle';
import { CutText } from './CutText';
import { DetectionMark } from './DetectionMark';
import { InsightBadge } from './InsightBadge';
import { CUT_COLUMNS, isLoaded, MONO_COLUMNS } from './columns';
import type { TableFonts } from './measureText';
import type { features, TableRow } from './columns';
import { LogText, logTitle } from '../common/LogText';
import { RowBookmark, RowTags } from '../annotations/RowMarks';
import type { TableTime } from './tableTime';

const FULL_TITLE = `At most ${MAX_COMPARE} events can be compared: unmark one first`;

/**
 * One absolutely positioned table row. Cell text is React text: log strings never become markup.
 * Log strings are cut in the middle to fit their column; the cell's title holds the whole value.
 * The marks column (detection hit, bookmark, integrity problem, conflict) keeps them out of the
 * Event name.
 * The leading checkbox marks the row for comparison; so does Ctrl/Cmd+click anywhere on the row.
 */
export function EventTableRow(props: {
  readonly row: Row<typeof features, TableRow>;
  /** DOM id, the grid's aria-activedescendant when this row is selected. */
  readonly id: string;
  readonly position: number;
  readonly top: number;
  readonly height: number;
  readonly time: TableTime;
  readonly selected: boolean;
  readonly onClick: () => void;
  readonly marked: boolean;
  /** True when the comparison is full: an unmarked row cannot be marked. */
  readonly markFull: boolean;
  readonly onToggleMark: () => void;
  /** Validation verdicts by fileId (useFileIntegrityMap), when there are any. */
  readonly integrity: ReadonlyMap<number, LogVerdict> | undefined;
  /** Visible column ids in display order, their widths (px), the filling column and its width. */
  readonly order: readonly string[];
  readonly widths: ReadonlyMap<string, number>;
  readonly fill: string | undefined;
  readonly fillWidth: number;
  readonly fonts: TableFonts;
}) {
  const { row, position, top, height, time, selected, onClick, marked, markFull } = props;
  const data = row.original;
  const byId = new Map(row.getVisibleCells().map((c) => [c.column.id, c]));
  const cells = props.order.flatMap((id) => byId.get(id) ?? []);
  const markable = isLoaded(data) && (marked || !markFull);
  const rowClick = (e: MouseEvent) => {
    if (!(e.ctrlKey || e.metaKey)) onClick();
    else if (markable) props.onToggleMark();
  };
  const error = isLoaded(data) && data.errorCode !== '';
  const conflict = isLoaded(data) && (data.flags & ROW_FLAG.conflict) !== 0;
  const cls = [
    'event-table-tr',
    selected ? 'is-selected' : '',
    marked ? 'is-marked' : '',
    error ? 'is-error' : '',
    isLoaded(data) ? '' : 'is-loading',
  ];
  return (
    <div
      className={cls.join(' ')}
      id={props.id}
      role="row"
      aria-rowindex={position + 2}
      aria-selected={selected}
      data-position={position}
      style={{ transform: `translateY(${top}px)`, height }}
      onClick={rowClick}
    >
      {/* The mark is its own action: clicking it must not also move the selection. */}
      <div className="event-table-check" role="gridcell" onClick={(e) => e.stopPropagation()}>
        {isLoaded(data) ? (
          <label title={markable ? 'Compare this event' : FULL_TITLE}>
            <input
              type="checkbox"
              aria-label="Compare this event"
              title={markable ? undefined : FULL_TITLE}
              checked={marked}
              disabled={!markable}
              // The grid holds the focus and marks with Space; a tab stop per row would trap Tab.
              tabIndex={-1}
              onChange={props.onToggleMark}
            />
          </label>
        ) : null}
      </div>
      <div className="event-table-marks" role="gridcell">
        {isLoaded(data) ? (
          <>
            <DetectionMark detection={data.detection} />
            <RowBookmark bookmarked={data.bookmarked} />
            <FileIntegrityMark verdict={props.integrity?.get(data.fileId)} problemsOnly />
            {conflict ? (
              <span
                className="row-mark mark-conflict"
                title="Conflict: another, different record has this eventID"
                aria-label="Conflict"
                role="img"
              >
                ≠
              </span>
            ) : null}
          </>
        ) : null}
      </div>
      {cells.map((cell) => {
        const id = cell.column.id;
        const raw = cell.getValue();
        const value =
          id === 'eventTime'
            ? `${time.text}${time.offset === undefined ? '' : ` UTC${time.offset}`}`
            : typeof raw === 'string'
              ? raw
              : '';
        const width = props.widths.get(id) ?? 100;
        return (
          <div
            key={cell.id}
            className={`event-table-td col-${id}`}
            role="gridcell"
            style={cellStyle(width, id === props.fill)}
            title={id === 'eventTime' ? value : logTitle(value)}
          >
            <span
              className={`cell-text${id === 'eventTime' && time.invalid ? ' time-invalid' : ''}`}
            >
              {id === 'eventTime' ? (
                time.text
              ) : CUT_COLUMNS.has(id) ? (
                <CutText
                  text={value}
                  width={(id === props.fill ? props.fillWidth : width) - CELL_PADDING}
                  font={MONO_COLUMNS.has(id) ? props.fonts.mono : props.fonts.text}
                />
              ) : (
                flexRender(cell.column.columnDef.cell, cell.getContext())
              )}
              {id === 'eventTime' && time.offset !== undefined ? (
                <span className="time-offset"> {time.offset}</span>
              ) : null}
            </span>
            {/* After the name, in the width it leaves: the name is never cut for them. */}
            {id === 'eventName' && isLoaded(data) ? (
              <span className="cell-after">
                {data.eventCategory === 'Insight' ? <InsightBadge /> : null}
                {error ? (
                  <span
                    className="badge badge-error"
                    title={`Error code: ${logTitle(data.errorCode)}`}
                  >
                    <LogText text={data.errorCode} max={60} />
                  </span>
                ) : null}
                <RowTags tags={data.tags} />
              </span>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
