import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useQueryLists } from '../../data/queryLists';
import { lookupIn, parseExpanded } from '../../querylang/expandSaved';
import type { SearchRequest } from '../../data/types';
import { useSuggestions } from './useSuggestions';
import type { SuggestionItem } from './useSuggestions';
import './QueryBar.css';
import { LogText } from '../common/LogText';

/**
 * The query bar: one text field in the query language (docs/query-language.md). Enter applies the
 * text; a syntax error is shown under the field with its position marked, and nothing is applied.
 * Autocomplete offers field names and, after `field:`, the values present with their counts under
 * the current filter (`request`: the applied query and time range; see useSuggestions). Focused
 * without a word being typed, or empty, the list offers the case's recent queries instead: arrow
 * keys pick one, Enter applies it. `saved:<name>` clauses are checked against the case's saved
 * queries, an unknown name or a loop being an error like a syntax error. Escape closes the list;
 * with none open it restores the applied query (`value`), so the box never disagrees with the
 * filter in force.
 */
export function QueryBar(props: {
  readonly value: string;
  readonly request: SearchRequest;
  readonly onApply: (q: string) => void;
}) {
  const { value, request, onApply } = props;
  const [draft, setDraft] = useState(value);
  const [caret, setCaret] = useState(value.length);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Opened by focus or ↓ rather than by typing: the list offers recent queries.
  const [browsing, setBrowsing] = useState(false);
  const lists = useQueryLists();
  // The error is shown once the user tries to apply: mid-typing, `userName:` is not a mistake yet.
  const [attempted, setAttempted] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  // The applied query changed (Back/Forward, a facet click): show it. Adjusted during render, not in
  // an effect, so no frame shows the old text under the new result.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  // `/` anywhere outside a text field jumps to the query bar, as in most log tools.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const t = e.target;
      const typing =
        t instanceof HTMLInputElement ||
        t instanceof HTMLTextAreaElement ||
        t instanceof HTMLSelectElement ||
        (t instanceof HTMLElement && t.isContentEditable);
      if (e.key !== '/' || typing || e.ctrlKey || e.metaKey || e.altKey) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  // The field's own clear button (×) empties the box with no key pressed: apply the empty query
  // then, so the result is never filtered by a query the box no longer shows. Chromium and WebKit
  // fire `search` for it (and for Enter, which onKeyDown applies already).
  const cleared = useRef({ value, onApply });
  useEffect(() => {
    cleared.current = { value, onApply };
  });
  useEffect(() => {
    const field = input.current;
    if (field === null) return;
    const onSearch = () => {
      if (field.value === '' && cleared.current.value !== '') cleared.current.onApply('');
    };
    field.addEventListener('search', onSearch);
    return () => field.removeEventListener('search', onSearch);
  }, []);
  const parsed = parseExpanded(draft, lookupIn(lists.saved));
  // Shown once the user tries to apply, or at once when the applied query (from a link) is broken.
  const error = parsed.ok || !(attempted || draft === value) ? undefined : parsed.error;
  const historyMode = open && (browsing || draft.trim() === '');
  const suggested = useSuggestions(draft, caret, open && !historyMode, request, lists.saved);
  const suggestions: readonly SuggestionItem[] = historyMode
    ? lists.history.map((q) => ({ label: q, detail: '', from: 0, to: draft.length, insert: q }))
    : suggested.items;
  const header = historyMode ? 'Recent queries (↓ ↑ to pick, Enter to apply)' : suggested.header;
  const showList = open && suggestions.length > 0;
  const openHistory = () => {
    setOpen(true);
    setBrowsing(true);
    setActive(-1);
  };
  const applyText = (q: string) => {
    setDraft(q);
    setCaret(q.length);
    setOpen(false);
    setAttempted(true);
    const outcome = parseExpanded(q, lookupIn(lists.saved));
    if (outcome.ok) onApply(q.trim());
  };

  const accept = (s: SuggestionItem) => {
    const next = draft.slice(0, s.from) + s.insert + draft.slice(s.to);
    const at = s.from + s.insert.length;
    setDraft(next);
    setCaret(at);
    setActive(0);
    requestAnimationFrame(() => input.current?.setSelectionRange(at, at));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const current = suggestions[active];
    const n = suggestions.length;
    if (showList && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      // In the history nothing is picked at first (-1), so Enter applies the box as it stands.
      const from = active < 0 ? (e.key === 'ArrowDown' ? -1 : 0) : active;
      setActive((from + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (!showList && e.key === 'ArrowDown') {
      e.preventDefault();
      openHistory();
    } else if (showList && current !== undefined && e.key === 'Tab') {
      e.preventDefault();
      if (historyMode) {
        setDraft(current.insert);
        setCaret(current.insert.length);
        setBrowsing(false);
      } else accept(current);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      applyText(historyMode && current !== undefined ? current.insert : draft);
    } else if (e.key === 'Escape') {
      // A `type=search` field empties itself on Escape, which would leave the box blank over a
      // result still filtered by the applied query: the box must always show text we chose.
      e.preventDefault();
      setOpen(false);
      if (showList) return;
      // Nothing to close: undo the unapplied edit, so the box shows the query that is applied.
      setDraft(value);
      setCaret(value.length);
      setAttempted(false);
    }
  };
  return (
    <div className="query-bar">
      <input
        ref={input}
        data-testid="query-input"
        className={error === undefined ? 'query-input mono' : 'query-input mono invalid'}
        type="search"
        value={draft}
        spellCheck={false}
        autoComplete="off"
        placeholder="Search ( / ): eventName:AssumeRole -errorCode:*"
        aria-label="Query"
        aria-invalid={error !== undefined}
        aria-describedby={error === undefined ? undefined : `${listId}-error`}
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        onChange={(e) => {
          setDraft(e.target.value);
          setCaret(e.target.selectionStart ?? e.target.value.length);
          setOpen(true);
          setBrowsing(false);
          setAttempted(false);
          // An emptied box lists recent queries with none picked: Enter applies the empty query.
          setActive(e.target.value.trim() === '' ? -1 : 0);
        }}
        onFocus={openHistory}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      {showList ? (
        <div className="suggestions popover" data-testid="query-suggestions">
          {header === undefined ? null : (
            <p className="suggestions-header muted" id={`${listId}-header`}>
              {header}
            </p>
          )}
          <ul
            id={listId}
            role="listbox"
            aria-label={historyMode ? 'Recent queries' : 'Suggestions'}
            aria-describedby={header === undefined ? undefined : `${listId}-header`}
          >
            {suggestions.map((s, i) => (
              <li
                key={`${s.label}\u0000${s.from}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  if (historyMode) applyText(s.insert);
                  else accept(s);
                }}
              >
                <span className="mono ellipsis">
                  <LogText text={s.label} max={historyMode ? 400 : 200} />
                </span>
                {s.detail === '' ? null : (
                  <span className="muted ellipsis suggestion-detail">
                    <LogText text={s.detail} max={200} />
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {error === undefined ? null : (
        <p className="query-error" id={`${listId}-error`} role="alert">
          <span className="mono query-error-text">
            {draft.slice(0, error.span.start)}
            <mark>{markedText(draft, error.span.start, error.span.end)}</mark>
            {draft.slice(Math.max(error.span.end, error.span.start + 1))}
          </span>
          <span>
            {error.message} (at character {error.span.start + 1})
          </span>
        </p>
      )}
    </div>
  );
}

/** The text an error points at; a space when it points past the end (e.g. a missing value). */
function markedText(text: string, start: number, end: number): string {
  const marked = text.slice(start, Math.max(end, start + 1));
  return marked === '' ? ' ' : marked;
}
