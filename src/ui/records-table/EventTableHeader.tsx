import type { ReactTable } from '@tanstack/react-table';
import type { TimeOrder } from '../../data/types';
import { zoneLabel } from '../common/formatTime';
import { columnStyle, FIXED_COLUMNS } from './columnStyle';
import type { features, TableRow } from './columns';

/** The sticky header row. Event time names the zone and toggles newest/oldest first. */
export function EventTableHeader(props: {
  readonly table: ReactTable<typeof features, TableRow>;
  readonly width: number;
  readonly timeZone: 'utc' | 'local';
  readonly order: TimeOrder;
  readonly onToggleOrder: () => void;
}) {
  const { table, width, timeZone, order } = props;
  return (
    <div className="event-table-head" role="row" aria-rowindex={1} style={{ minWidth: width }}>
      <div className="event-table-th-check" role="columnheader">
        <span className="visually-hidden">Compare</span>
      </div>
      {table.getVisibleLeafColumns().map((column) => (
        <div
          key={column.id}
          className="event-table-th"
          role="columnheader"
          aria-sort={
            column.id === 'eventTime' ? (order === 'desc' ? 'descending' : 'ascending') : undefined
          }
          style={columnStyle(column.getSize(), FIXED_COLUMNS.has(column.id))}
        >
          {column.id === 'eventTime' ? (
            <button
              type="button"
              className="th-sort"
              title={`${
                order === 'desc'
                  ? 'Newest first: click for oldest first'
                  : 'Oldest first: click for newest first'
              }${timeZone === 'local' ? `. ${LOCAL_NOTE} ${zoneLabel('local')}.` : ''}`}
              onClick={props.onToggleOrder}
            >
              {/* Not today's offset: across daylight saving it is wrong for some rows. */}
              Event time ({timeZone === 'utc' ? 'UTC' : 'local'}) {order === 'desc' ? '↓' : '↑'}
            </button>
          ) : (
            String(column.columnDef.header)
          )}
        </div>
      ))}
    </div>
  );
}

const LOCAL_NOTE =
  'Local time: a row whose UTC offset differs from the one now (daylight saving) shows its own. Now';
