/** The bookmark button: ★ when the event is bookmarked, ☆ when not; `b` does the same. */
export function BookmarkToggle(props: {
  readonly bookmarked: boolean;
  readonly onToggle: () => void;
}) {
  const { bookmarked } = props;
  return (
    <button
      type="button"
      className={
        bookmarked ? 'btn btn-small bookmark-toggle is-on' : 'btn btn-small bookmark-toggle'
      }
      aria-pressed={bookmarked}
      title={bookmarked ? 'Remove the bookmark (b)' : 'Bookmark this event (b)'}
      onClick={props.onToggle}
    >
      <span aria-hidden="true">{bookmarked ? '★' : '☆'}</span>{' '}
      {bookmarked ? 'Bookmarked' : 'Bookmark'}
    </button>
  );
}
