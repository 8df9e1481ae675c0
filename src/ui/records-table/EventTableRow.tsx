import type { Row } from '@tanstack/react-table';
import { ROW_FLAG } from '../../query/types';
import { columnStyle, FIXED_COLUMNS } from './columnStyle';
import { isLoaded } from './columns';
import type { features, TableRow } from './columns';

/** One absolutely positioned table row. Cell text is React text: log strings never become markup. */
export function EventTableRow(props: {
  readonly row: Row<typeof features, TableRow>;
  readonly position: number;
  readonly top: number;
  readonly height: number;
  readonly time: string;
  readonly selected: boolean;
  readonly onClick: () => void;
}) {
  const { row, position, top, height, time, selected, onClick } = props;
  const data = row.original;
  const error = isLoaded(data) && data.errorCode !== '';
  const conflict = isLoaded(data) && (data.flags & ROW_FLAG.conflict) !== 0;
  const cls = [
    'event-table-tr',
    selected ? 'is-selected' : '',
    error ? 'is-error' : '',
    isLoaded(data) ? '' : 'is-loading',
  ];
  return (
    <div
      className={cls.join(' ')}
      role="row"
      aria-rowindex={position + 2}
      aria-selected={selected}
      data-position={position}
      style={{ transform: `translateY(${top}px)`, height }}
      onClick={onClick}
    >
      {row.getVisibleCells().map((cell) => {
        const id = cell.column.id;
        const raw = cell.getValue();
        const value = id === 'eventTime' ? time : typeof raw === 'string' ? raw : '';
        return (
          <div
            key={cell.id}
            className={`event-table-td col-${id}`}
            role="gridcell"
            style={columnStyle(cell.column.getSize(), FIXED_COLUMNS.has(id))}
            title={value}
          >
            <span className="cell-text">{value}</span>
            {id === 'eventName' && conflict ? (
              <span className="badge badge-warn" title="Another, different record has this eventID">
                conflict
              </span>
            ) : null}
            {id === 'eventName' && error && isLoaded(data) ? (
              <span className="badge badge-error" title={`Error code: ${data.errorCode}`}>
                {data.errorCode}
              </span>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
