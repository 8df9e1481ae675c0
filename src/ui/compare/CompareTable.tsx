import { Fragment, useState } from 'react';
import { formatCount } from '../common/formatCount';
import { LogText } from '../common/LogText';
import type { CompareColumn } from './compareColumn';
import { CompareColumnHead } from './CompareColumnHead';
import { CompareCell } from './CompareCell';
import type { CompareRow } from './comparePaths';

/** Rows drawn before "Show all": a hostile record can hold thousands of paths, all in the DOM. */
const ROW_LIMIT = 1_000;

/**
 * The comparison grid: a header per event (time in UTC, event name, user name, remove) and a row per
 * path. Paths and values come from logs, so they are React text through LogText.
 */
export function CompareTable(props: {
  readonly columns: readonly CompareColumn[];
  /** The rows to show (already filtered to differences when asked). */
  readonly rows: readonly CompareRow[];
  /** Paths in the union, filtered or not. */
  readonly total: number;
  readonly onlyDiff: boolean;
  /** Undefined when no column may be removed (two is the least worth comparing). */
  readonly onRemove: ((row: number) => void) | undefined;
}) {
  const { columns, rows, total, onlyDiff, onRemove } = props;
  const [limit, setLimit] = useState(ROW_LIMIT);
  const loading = columns.some((c) => c.problem === 'Loading…');
  return (
    // A tab stop, so the keyboard can scroll the fields (WCAG 2.1.1).
    <div className="compare-scroll" tabIndex={0} role="region" aria-label="Compared fields">
      <table className="compare-table" style={{ minWidth: 220 + columns.length * 200 }}>
        <colgroup>
          <col className="compare-path-col" />
          {columns.map((c) => (
            <col key={c.row} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="compare-path">
              Field
            </th>
            {columns.map((c) => (
              <th key={c.row} scope="col" className="compare-event-head" data-row={c.row}>
                <CompareColumnHead column={c} onRemove={onRemove} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, limit).map((r) => (
            <tr key={r.path} className={r.differs ? 'is-diff' : undefined} data-path={r.path}>
              <th scope="row" className="compare-path">
                <PathText path={r.path} />
                {r.differs ? <span className="compare-sr"> (differs)</span> : null}
              </th>
              {r.values.map((leaf, i) => (
                <td key={columns[i]?.row ?? i}>
                  {columns[i]?.record === undefined ? null : <CompareCell leaf={leaf} />}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > limit ? (
        <button type="button" className="btn compare-more" onClick={() => setLimit(Infinity)}>
          Show all {formatCount(rows.length)} fields
        </button>
      ) : null}
      {rows.length === 0 && !loading ? (
        <p className="muted compare-empty">
          {onlyDiff && total > 0
            ? `No differences: all ${formatCount(total)} fields hold the same values.`
            : 'Nothing to compare.'}
        </p>
      ) : null}
    </div>
  );
}

/** A path that wraps between its parts (`userIdentity.` `sessionContext.` …), not inside words. */
function PathText(props: { readonly path: string }) {
  if (props.path === '') return '(record)';
  // Break before each `.` or `[`; a hostile key may still need overflow-wrap to break inside.
  const parts = props.path.split(/(?=[.[])/);
  return parts.map((part, i) => (
    <Fragment key={i}>
      {i > 0 ? <wbr /> : null}
      <LogText text={part} />
    </Fragment>
  ));
}
