import { LogText, logTitle } from '../common/LogText';
import './Annotations.css';

/** The ★ of a bookmarked row, placed before its event name. */
export function RowBookmark(props: { readonly bookmarked: boolean | undefined }) {
  if (props.bookmarked !== true) return null;
  return (
    <span className="row-bookmark" title="Bookmarked" aria-label="Bookmarked" role="img">
      ★
    </span>
  );
}

/**
 * An event's tags as small chips (text only, invisible characters escaped: tags arrive in bundles):
 * the first `max` (1 in a table row), then "+N".
 */
export function RowTags(props: {
  readonly tags: readonly string[] | undefined;
  readonly max?: number;
}) {
  const tags = props.tags ?? [];
  const shown = props.max ?? 1;
  if (tags.length === 0) return null;
  const rest = tags.length - shown;
  return (
    <>
      {tags.slice(0, shown).map((tag) => (
        <span key={tag} className="row-tag" title={`Tag: ${logTitle(tag)}`}>
          <LogText text={tag} max={60} />
        </span>
      ))}
      {rest > 0 ? (
        <span className="row-tag" title={logTitle(tags.slice(shown).join(', '))}>
          +{rest}
        </span>
      ) : null}
    </>
  );
}
