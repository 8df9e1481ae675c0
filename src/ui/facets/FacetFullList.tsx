import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { facetValuesQuery } from '../../data/searchQueries';
import type { SearchRequest } from '../../data/types';
import type { FacetPick } from '../../data/useSearchView';
import { useAccountNames } from '../accounts/useAccountNames';
import { formatCount } from '../common/formatCount';
import { FacetValueRow } from './FacetValueRow';

/** Typing pauses this long (ms) before the list is counted again: one worker call per word, not per key. */
const TYPING_MS = 120;

/**
 * Every value of one facet under the current filter and time range ("Show all"), with a box that
 * narrows it to values containing a text (any case). The worker counts and sorts; the list shows
 * the most frequent values up to a cap, and says how many match. Escape clears the box, then closes
 * the list.
 */
export function FacetFullList(props: {
  readonly request: SearchRequest;
  /** The search result version the list is counted for. */
  readonly version: string;
  readonly field: string;
  readonly label: string;
  readonly since: string | undefined;
  readonly isSelected: (field: string, value: string) => 'include' | 'exclude' | undefined;
  readonly onPick: (pick: FacetPick) => void;
  /** Opens an identity's profile (identity facets' `›`). */
  readonly onOpenProfile: (value: string) => void;
  readonly onClose: () => void;
}) {
  const { request, version, field, label, since, isSelected, onPick, onClose } = props;
  const [text, setText] = useState('');
  const typed = useTyped(text);
  const accountNames = useAccountNames();
  const query = useQuery(facetValuesQuery(request, field, typed, version));
  const list = query.data ?? undefined;
  const noteId = useId();
  const top = list?.values[0]?.count ?? 1;
  return (
    <div className="facet-all" role="region" aria-label={`All values of ${label}`}>
      <input
        type="text"
        className="facet-filter"
        value={text}
        placeholder="Filter values"
        aria-label={`Filter ${label} values`}
        aria-describedby={noteId}
        spellCheck={false}
        autoComplete="off"
        // The list opens on a click of "Show all": typing goes straight into its box.
        autoFocus
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          e.stopPropagation();
          if (text === '') onClose();
          else setText('');
        }}
      />
      <p
        id={noteId}
        className="facet-all-note muted"
        aria-live="polite"
        data-testid="facet-all-note"
      >
        {list === undefined ? 'Counting…' : listNote(list, typed)}
      </p>
      {list !== undefined && list.values.length > 0 && (
        <ul className="facet-all-values" aria-busy={query.isPlaceholderData}>
          {list.values.map((item) => (
            <FacetValueRow
              key={item.value}
              field={field}
              item={item}
              top={top}
              state={isSelected(field, item.value)}
              accountName={
                field === 'recipientAccountId' ? accountNames.get(item.value) : undefined
              }
              since={since}
              onPick={onPick}
              onOpenProfile={props.onOpenProfile}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

/** What the list holds: how many values there are, match the text, and are shown. */
function listNote(
  list: {
    readonly distinct: number;
    readonly matching: number;
    readonly values: readonly unknown[];
  },
  text: string,
): string {
  const shown = list.values.length;
  const of =
    text.trim() === ''
      ? `${formatCount(list.distinct)} ${list.distinct === 1 ? 'value' : 'values'}`
      : list.matching === 0
        ? `No value contains “${text.trim()}”`
        : `${formatCount(list.matching)} of ${formatCount(list.distinct)} values contain “${text.trim()}”`;
  return shown < list.matching
    ? `${of}; the ${formatCount(shown)} most frequent shown, type to narrow`
    : of;
}

/** `text` once typing has paused (TYPING_MS); at once when cleared. */
function useTyped(text: string): string {
  const [typed, setTyped] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setTyped(text), TYPING_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return text === '' ? '' : typed;
}
