import type { useSearchView } from '../../data/useSearchView';
import { BookmarksFilter } from '../annotations/BookmarksFilter';
import { ExportMenu } from '../export/ExportMenu';
import { setPrefs, usePrefs } from '../prefs/usePrefs';
import { columns } from '../records-table/columns';
import { useVisibleColumns } from '../records-table/useVisibleColumns';
import { MatchCount } from './MatchCount';
import { QueryBar } from './QueryBar';
import { SavedQueriesDialog } from './SavedQueriesDialog';
import { DialogButton } from '../common/DialogButton';
import { TimeRangeControl } from './TimeRangeControl';
import { SqlButton } from '../sql/SqlButton';

/** The row above the table: query bar, time range and the match count. */
export function SearchBar(props: {
  readonly search: ReturnType<typeof useSearchView>;
  readonly total: number;
  readonly timeZone: 'utc' | 'local';
}) {
  const { search, total, timeZone } = props;
  const { view } = search;
  const { visibility } = useVisibleColumns();
  const { facets } = usePrefs();
  const exportColumns = columns
    .filter((c) => visibility[c.id ?? ''] === true)
    .map((c) => ({ id: c.id ?? '', header: String(c.header) }));
  return (
    <div className="search-bar">
      <button
        type="button"
        className="btn"
        aria-pressed={facets}
        title={facets ? 'Hide the facet panel' : 'Show the facet panel'}
        onClick={() => setPrefs({ facets: !facets })}
      >
        Facets
      </button>
      <BookmarksFilter q={view.q} onQuery={search.applyQuery} />
      <QueryBar value={view.q} request={search.request} onApply={search.applyQuery} />
      <DialogButton
        label="Save query…"
        title="Name the applied query, or apply, rename and delete saved ones (saved:name in a query); or save it as a Sigma rule"
        dialog={(onClose) => (
          <SavedQueriesDialog q={view.q} onApply={search.applyQuery} onClose={onClose} />
        )}
      />
      <TimeRangeControl
        value={{ range: view.range, anchor: view.anchor, from: view.from, to: view.to }}
        timeZone={timeZone}
        onChange={search.setRange}
      />
      <MatchCount status={search.status} total={total} />
      <SqlButton request={search.request} />
      <ExportMenu
        request={search.request}
        order={view.order}
        columns={exportColumns}
        matchCount={search.status?.matchCount ?? total}
        disabled={search.status?.complete !== true}
      />
    </div>
  );
}
