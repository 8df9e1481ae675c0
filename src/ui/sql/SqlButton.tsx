import type { SearchRequest } from '../../data/types';
import { useViewState } from '../../data/useViewState';
import { SqlDialog } from './SqlDialog';

/**
 * The *SQL* button beside the query bar. The dialog's state is the URL's `sql` (the dialect it
 * shows), so a link opens it on that dialect; closing it removes the parameter.
 */
export function SqlButton(props: { readonly request: SearchRequest }) {
  const [view, setView] = useViewState();
  return (
    <>
      <button
        type="button"
        className="btn"
        aria-haspopup="dialog"
        aria-expanded={view.sql !== null}
        title="This view as Athena, CloudTrail Lake or DuckDB SQL, for a question too large for the tab"
        onClick={() => void setView({ sql: 'athena' })}
      >
        SQL
      </button>
      {view.sql === null ? null : (
        <SqlDialog
          q={view.q}
          from={props.request.from}
          to={props.request.to}
          sort={view.sort}
          order={view.order}
          dialect={view.sql}
          onDialect={(sql) => void setView({ sql }, { history: 'replace' })}
          onClose={() => void setView({ sql: null })}
        />
      )}
    </>
  );
}
