import { useState } from 'react';
import { formatCount } from '../common/formatCount';
import { LogText } from '../common/LogText';
import { MAX_DEPTH } from './flattenPaths';
import type { PathLeaf } from './flattenPaths';

/** Characters shown per cell until "Show all": one huge value must not bury the others. */
const CELL_LIMIT = 2_000;

/**
 * One event's value at one path: an em dash when the event lacks the path, strings as text,
 * other JSON values (numbers, booleans, null, empty or cut containers) as JSON in a literal style.
 */
export function CompareCell(props: { readonly leaf: PathLeaf | undefined }) {
  const { leaf } = props;
  const [all, setAll] = useState(false);
  if (leaf === undefined) {
    return (
      <span className="compare-missing" title="Not in this event">
        —
      </span>
    );
  }
  if (leaf.kind === 'string' && leaf.text === '') {
    return <span className="compare-empty-string">(empty string)</span>;
  }
  const cut = !all && leaf.text.length > CELL_LIMIT;
  const text = cut ? clip(leaf.text, CELL_LIMIT) : leaf.text;
  return (
    <div className={leaf.kind === 'string' ? 'compare-value' : 'compare-value compare-literal'}>
      {leaf.kind === 'deep' ? (
        <span className="compare-deep">Nested deeper than {MAX_DEPTH} levels: </span>
      ) : null}
      <LogText text={text} />
      {cut ? (
        <>
          …{' '}
          <button
            type="button"
            className="btn btn-small compare-show-all"
            onClick={() => setAll(true)}
          >
            Show all {formatCount(leaf.text.length)} characters
          </button>
        </>
      ) : null}
    </div>
  );
}

/** The first `n` UTF-16 units, without splitting a surrogate pair. */
function clip(text: string, n: number): string {
  const code = text.charCodeAt(n - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}
