import { exportEvents } from '../../data/exportEvents';
import type { ExportColumn, ExportFormat, SearchRequest, TimeOrder } from '../../data/types';
import { formatCount } from '../common/formatCount';
import { useTransientMessage } from '../common/useTransientMessage';

const FORMATS: readonly { format: ExportFormat; label: string; title: string }[] = [
  {
    format: 'json',
    label: 'JSON',
    title: 'CloudTrail-shaped {"Records":[…]} of the original records',
  },
  { format: 'jsonl', label: 'JSON lines', title: 'One original record per line' },
  { format: 'csv', label: 'CSV', title: 'The visible columns; formula-like cells are neutralised' },
  {
    format: 'parquet',
    label: 'Parquet',
    title:
      "AWS's CloudTrail table columns (nested fields as JSON) and each event's source file and SHA-256, for DuckDB, Athena, Spark or pandas",
  },
];

/**
 * Export the matching events as CloudTrail JSON, JSON lines, CSV of the visible columns or Parquet. The
 * outcome ("Exported 574 events") goes on the next action: it is about the query it ran with.
 */
export function ExportMenu(props: {
  readonly request: SearchRequest;
  readonly order: TimeOrder;
  readonly columns: readonly ExportColumn[];
  readonly matchCount: number;
  readonly disabled: boolean;
}) {
  const { message: state, show } = useTransientMessage<string>();
  const run = async (format: ExportFormat) => {
    show('Exporting…', true);
    try {
      const total = await exportEvents({
        request: props.request,
        order: props.order,
        format,
        columns: props.columns,
        onProgress: (parts) =>
          show(`Exporting… ${formatCount(Math.min(props.matchCount, parts * 2000))} events`, true),
      });
      show(`Exported ${formatCount(total)} events`);
    } catch (error) {
      show(
        error instanceof DOMException && error.name === 'AbortError'
          ? undefined
          : `Export failed: ${String(error)}`,
      );
    }
  };
  return (
    <div
      className="export-menu"
      role="group"
      aria-label={`Export ${formatCount(props.matchCount)} matching events`}
    >
      <span className="muted">Export</span>
      {FORMATS.map((f) => (
        <button
          key={f.format}
          type="button"
          className="btn btn-small"
          title={f.title}
          data-export={f.format}
          disabled={props.disabled || props.matchCount === 0}
          onClick={() => void run(f.format)}
        >
          {f.label}
        </button>
      ))}
      {state === undefined ? null : (
        <span className="muted" role="status">
          {state}
        </span>
      )}
    </div>
  );
}
