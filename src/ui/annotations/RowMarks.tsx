import './Annotations.css';

/** Tags shown in a table row: the first few, then "+N". */
const SHOWN_TAGS = 1;

/** The ★ of a bookmarked row, placed before its event name. */
export function RowBookmark(props: { readonly bookmarked: boolean | undefined }) {
  if (props.bookmarked !== true) return null;
  return (
    <span className="row-bookmark" title="Bookmarked" aria-label="Bookmarked" role="img">
      ★
    </span>
  );
}

/** A row's tags as small chips after its event name (text only). */
export function RowTags(props: { readonly tags: readonly string[] | undefined }) {
  const tags = props.tags ?? [];
  if (tags.length === 0) return null;
  const rest = tags.length - SHOWN_TAGS;
  return (
    <>
      {tags.slice(0, SHOWN_TAGS).map((tag) => (
        <span key={tag} className="row-tag" title={`Tag: ${tag}`}>
          {tag}
        </span>
      ))}
      {rest > 0 ? (
        <span className="row-tag" title={tags.slice(SHOWN_TAGS).join(', ')}>
          +{rest}
        </span>
      ) : null}
    </>
  );
}
