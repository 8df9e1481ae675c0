import { countRowQuery } from '../../querylang/countBy';
import type { Query } from '../../querylang/types';
import { saveCountByCsv, useCountBy } from '../../data/countByQueries';
import type { CountByResult, CountOrder, CountSort, SearchRequest } from '../../data/types';
import { useAccountNames } from '../accounts/useAccountNames';
import { formatCount } from '../common/formatCount';
import { useTransientMessage } from '../common/useTransientMessage';
import { CountRow } from './CountRow';
import './CountByView.css';

/**
 * The main area when the applied query ends in `| count by`: the matching events grouped by one or
 * two fields, one row per value (per pair, under its group, for two), with events, distinct values,
 * first and last seen; sortable; each row a link to exactly its events (countRowQuery).
 */
export function CountByView(props: {
  readonly request: SearchRequest;
  readonly query: Query;
  readonly version: string;
  /** Whether the search result is complete (a record scan may still run). */
  readonly complete: boolean;
  readonly order: CountOrder;
  readonly timeZone: 'utc' | 'local';
  readonly onSort: (by: CountSort) => void;
  readonly onOpen: (keys: readonly string[]) => void;
  /** Ends the grouping: the same filter, as events. */
  readonly onClose: () => void;
}) {
  const { request, query, order, onOpen } = props;
  const { result, stale } = useCountBy(request, order, props.version, props.complete);
  const accountNames = useAccountNames();
  const { message, show } = useTransientMessage<string>();
  const fields = query.countBy ?? [];
  const exportCsv = async () => {
    try {
      await saveCountByCsv(request, order);
      show('Saved the groups as CSV');
    } catch (error) {
      show(
        error instanceof DOMException && error.name === 'AbortError'
          ? undefined
          : `Export failed: ${String(error)}`,
      );
    }
  };
  const href = (keys: readonly string[]) => {
    const url = new URL(window.location.href);
    url.searchParams.set('q', countRowQuery(query, fields, keys));
    return `${url.pathname}${url.search}`;
  };
  const top = maxEvents(result);
  const two = fields.length > 1;
  const sortHead = (by: CountSort, label: string, className: string) => (
    <th
      className={className}
      aria-sort={order.sort === by ? (order.dir === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button type="button" className="count-sort" onClick={() => props.onSort(by)}>
        {label}
        {order.sort === by ? (order.dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  return (
    <section
      className={stale ? 'count-by count-by-stale' : 'count-by'}
      aria-label={`Count by ${fields.join(', ')}`}
      data-testid="count-by"
      data-complete={result?.complete === true && !stale ? 'true' : 'false'}
      data-elapsed-ms={result?.elapsedMs.toFixed(1)}
    >
      <header className="count-by-head">
        <h2 className="count-by-title">
          Count by <span className="mono">{fields.join(' → ')}</span>
        </h2>
        {result === undefined ? (
          <span className="muted">Counting…</span>
        ) : (
          <span className="muted">
            {formatCount(result.total)} {result.total === 1 ? 'value' : 'values'}
            {two && result.totalPairs !== undefined
              ? `, ${formatCount(result.totalPairs)} pairs`
              : ''}{' '}
            in {formatCount(result.events)} events
            {shownRows(result) < rowsInAll(result)
              ? ` · showing the first ${formatCount(shownRows(result))} rows`
              : ''}
            {result.unreadable > 0
              ? ` · ${formatCount(result.unreadable)} events could not be read back`
              : ''}
          </span>
        )}
        <span className="count-by-actions">
          {message === undefined ? null : (
            <span className="muted" role="status">
              {message}
            </span>
          )}
          <button
            type="button"
            className="btn btn-small"
            disabled={result === undefined}
            onClick={() => void exportCsv()}
          >
            Export CSV
          </button>
          <button type="button" className="btn btn-small" onClick={props.onClose}>
            Show the events
          </button>
        </span>
      </header>
      {result !== undefined && !result.complete ? (
        <div
          className="count-by-progress"
          role="progressbar"
          aria-label="Reading records"
          aria-valuemin={0}
          aria-valuemax={result.filesToRead}
          aria-valuenow={result.filesRead}
        >
          <span
            style={{ width: `${(100 * result.filesRead) / Math.max(1, result.filesToRead)}%` }}
          />
          <em className="muted">
            Reading records back: {formatCount(result.filesRead)} /{' '}
            {formatCount(result.filesToRead)} files
          </em>
        </div>
      ) : null}
      <div className="count-by-scroll">
        <table className="count-table">
          <thead>
            <tr>
              {sortHead(
                'key',
                two ? `${fields[0] ?? ''} / ${fields[1] ?? ''}` : (fields[0] ?? ''),
                'col-key',
              )}
              {sortHead('count', 'Events', 'col-events')}
              <th
                className="col-distinct"
                title={`Distinct values of ${result?.distinctField ?? ''} (not counting none)`}
              >
                Distinct {result?.distinctField ?? ''}
              </th>
              {sortHead('first', 'First seen', 'col-time')}
              {sortHead('last', 'Last seen', 'col-time')}
            </tr>
          </thead>
          <tbody>
            {(result?.groups ?? []).flatMap((g) => {
              const head = (
                <CountRow
                  key={`g\t${g.keys[0] ?? ''}`}
                  group={g}
                  field={fields[0] ?? ''}
                  kind={two ? 'group' : 'row'}
                  top={two ? top.group : top.row}
                  href={href(g.keys)}
                  accountName={
                    fields[0] === 'recipientAccountId'
                      ? accountNames.get(g.keys[0] ?? '')
                      : undefined
                  }
                  timeZone={props.timeZone}
                  onOpen={onOpen}
                />
              );
              if (!two) return [head];
              const pairs = (g.pairs ?? []).map((p) => (
                <CountRow
                  key={`p\t${p.keys.join('\t')}`}
                  group={p}
                  field={fields[1] ?? ''}
                  kind="pair"
                  top={top.row}
                  href={href(p.keys)}
                  accountName={
                    fields[1] === 'recipientAccountId'
                      ? accountNames.get(p.keys[1] ?? '')
                      : undefined
                  }
                  timeZone={props.timeZone}
                  onOpen={onOpen}
                />
              ));
              const more = (g.pairCount ?? 0) - (g.pairs?.length ?? 0);
              return more > 0
                ? [
                    head,
                    ...pairs,
                    <tr key={`m\t${g.keys[0] ?? ''}`} className="count-more muted">
                      <td colSpan={5}>
                        … {formatCount(more)} more under this value: narrow the filter, or open it
                      </td>
                    </tr>,
                  ]
                : [head, ...pairs];
            })}
          </tbody>
        </table>
        {result?.total === 0 ? (
          <p className="count-empty muted">No events match the filter.</p>
        ) : null}
      </div>
    </section>
  );
}

/** The largest events of a group and of a row: the scale of each kind's bars. */
function maxEvents(result: CountByResult | undefined): { group: number; row: number } {
  let group = 1;
  let row = 1;
  for (const g of result?.groups ?? []) {
    group = Math.max(group, g.events);
    for (const p of g.pairs ?? [g]) row = Math.max(row, p.events);
  }
  return { group, row };
}

function shownRows(result: CountByResult): number {
  return result.groups.reduce((n, g) => n + 1 + (g.pairs?.length ?? 0), 0);
}

function rowsInAll(result: CountByResult): number {
  return result.total + (result.fields.length > 1 ? (result.totalPairs ?? 0) : 0);
}
