import { flexRender } from '@tanstack/react-table';
import type { Row } from '@tanstack/react-table';
import type { MouseEvent } from 'react';
import { ROW_FLAG } from '../../data/types';
import { MAX_COMPARE } from '../compare/useCompareMarks';
import type { LogVerdict } from '../../data/types';
import { FileIntegrityMark } from '../validation/FileIntegrityBadge';
import { columnStyle, FIXED_COLUMNS } from './columnStyle';
import { InsightBadge } from './InsightBadge';
import { isLoaded } from './columns';
import type { features, TableRow } from './columns';
import { LogText, logTitle } from '../common/LogText';
import { RowBookmark, RowTags } from '../annotations/RowMarks';
import type { TableTime } from './tableTime';

const FULL_TITLE = `At most ${MAX_COMPARE} events can be compared: unmark one first`;

/**
 * One absolutely positioned table row. Cell text is React text: log strings never become markup.
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
}) {
  const { row, position, top, height, time, selected, onClick, marked, markFull } = props;
  const data = row.original;
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
      {row.getVisibleCells().map((cell) => {
        const id = cell.column.id;
        const raw = cell.getValue();
        const value =
          id === 'eventTime'
            ? `${time.text}${time.offset === undefined ? '' : ` UTC${time.offset}`}`
            : typeof raw === 'string'
              ? raw
              : '';
        return (
          <div
            key={cell.id}
            className={`event-table-td col-${id}`}
            role="gridcell"
            style={columnStyle(cell.column.getSize(), FIXED_COLUMNS.has(id))}
            title={id === 'eventTime' ? value : logTitle(value)}
          >
            {id === 'eventName' && isLoaded(data) ? (
              <RowBookmark bookmarked={data.bookmarked} />
            ) : null}
            <span
              className={`cell-text${id === 'eventTime' && time.invalid ? ' time-invalid' : ''}`}
            >
              {id === 'eventTime'
                ? time.text
                : flexRender(cell.column.columnDef.cell, cell.getContext())}
              {id === 'eventTime' && time.offset !== undefined ? (
                <span className="time-offset"> {time.offset}</span>
              ) : null}
            </span>
            {id === 'eventName' && isLoaded(data) ? (
              <FileIntegrityMark verdict={props.integrity?.get(data.fileId)} problemsOnly />
            ) : null}
            {id === 'eventName' && isLoaded(data) ? <RowTags tags={data.tags} /> : null}
            {id === 'eventName' && isLoaded(data) && data.eventCategory === 'Insight' ? (
              <InsightBadge />
            ) : null}
            {id === 'eventName' && conflict ? (
              <span className="badge badge-warn" title="Another, different record has this eventID">
                conflict
              </span>
            ) : null}
            {id === 'eventName' && error && isLoaded(data) ? (
              <span className="badge badge-error" title={`Error code: ${logTitle(data.errorCode)}`}>
                <LogText text={data.errorCode} max={60} />
              </span>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
