/** The quick filter's query: every bookmarked event. */
export const BOOKMARKS_QUERY = 'bookmarked:true';

/**
 * "★ Bookmarks": shows the bookmarked events (sets the query to `bookmarked:true`); pressed while
 * that is the query, and a second press goes back to every event.
 */
export function BookmarksFilter(props: {
  readonly q: string;
  readonly onQuery: (q: string) => void;
}) {
  const on = props.q.trim() === BOOKMARKS_QUERY;
  return (
    <button
      type="button"
      className="btn"
      aria-pressed={on}
      title={on ? 'Show every event' : `Show the bookmarked events (${BOOKMARKS_QUERY})`}
      onClick={() => props.onQuery(on ? '' : BOOKMARKS_QUERY)}
    >
      <span aria-hidden="true">★</span> Bookmarks
    </button>
  );
}
