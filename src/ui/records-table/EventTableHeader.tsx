import type { ReactTable } from '@tanstack/react-table';
import { zoneLabel } from '../common/formatTime';
import type { features, TableRow } from './columns';

/** The sticky header row; the Event time header names the zone times are shown in. */
export function EventTableHeader(props: {
  readonly table: ReactTable<typeof features, TableRow>;
  readonly width: number;
  readonly timeZone: 'utc' | 'local';
}) {
  const { table, width, timeZone } = props;
  return (
    <div className="event-table-head" role="row" style={{ width }}>
      {table.getVisibleLeafColumns().map((column) => (
        <div key={column.id} className="event-table-th" role="columnheader" style={{ width: column.getSize() }}>
          {column.id === 'eventTime' ? `Event time (${zoneLabel(timeZone)})` : String(column.columnDef.header)}
        </div>
      ))}
    </div>
  );
}
