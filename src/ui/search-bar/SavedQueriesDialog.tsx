import { useEffect, useRef, useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useQueryLists, useSavedQueryActions } from '../../data/queryLists';
import type { SavedQuery } from '../../data/queryLists';
import { DialogHead } from '../common/DialogHead';
import { LogText } from '../common/LogText';
import { SaveRuleButton } from './SaveRuleButton';
import { quoteValue } from './tokenAtCursor';
import '../common/modalDialog.css';
import './SavedQueriesDialog.css';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * "Saved queries": name the applied query (`q`), and see, apply, rename or delete the case's saved
 * queries. They are kept with the case and travel in its bundle; `saved:<name>` in a query stands
 * for one. A native modal <dialog>: the browser keeps focus inside it and closes it on Escape.
 */
export function SavedQueriesDialog(props: {
  readonly q: string;
  readonly onApply: (q: string) => void;
  readonly onClose: () => void;
}) {
  const { q, onApply, onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const { saved } = useQueryLists();
  const actions = useSavedQueryActions();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  // Set when the name is taken: the next Save replaces that query.
  const [clash, setClash] = useState(false);
  const [done, setDone] = useState<string | undefined>();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null || dialog.open) return;
    dialog.showModal();
    nameInput.current?.focus();
  }, []);
  const empty = q.trim() === '';
  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    try {
      await actions.save(name, q, clash);
      setDone(`Saved as "${name.trim()}": use it as saved:${quoteValue(name.trim())}`);
      setError(undefined);
      setClash(false);
      setName('');
    } catch (caught) {
      setDone(undefined);
      setError(message(caught));
      setClash(saved.some((s) => s.name.toLowerCase() === name.trim().toLowerCase()));
    }
  };
  return (
    <dialog
      ref={ref}
      className="modal-dialog saved-queries-dialog"
      aria-label="Saved queries"
      onClose={onClose}
    >
      <DialogHead heading="Saved queries" closeLabel="Close saved queries" onClose={onClose} />
      <p className="muted modal-intro">
        Kept with this case and carried in its case bundle. In a query, <code>saved:name</code>{' '}
        stands for a saved query&apos;s clauses.
      </p>
      <form className="saved-queries-form" onSubmit={(e) => void submit(e)}>
        <div className="saved-queries-current">
          <span className="muted">Query to save</span>
          <span className="mono saved-queries-text" data-testid="saved-query-current">
            {empty ? '(none applied)' : <LogText text={q} max={2000} />}
          </span>
        </div>
        <label className="saved-queries-name">
          <span>Name</span>
          <input
            ref={nameInput}
            data-testid="saved-query-name"
            value={name}
            maxLength={200}
            disabled={empty}
            onChange={(e) => {
              setName(e.target.value);
              setError(undefined);
              setClash(false);
            }}
          />
          <button type="submit" className="btn" disabled={empty || name.trim() === ''}>
            {clash ? 'Replace' : 'Save'}
          </button>
        </label>
        {empty ? <p className="muted">Apply a query first, then save it here.</p> : null}
        {error === undefined ? null : (
          <p className="error" role="alert">
            <LogText
              text={clash ? `${error}. Replace gives that name to this query instead.` : error}
              max={400}
            />
          </p>
        )}
        {done === undefined ? null : (
          <p className="ok" role="status">
            <LogText text={done} max={400} />
          </p>
        )}
      </form>
      <p className="saved-queries-rule">
        <span className="muted">
          Or as a Sigma rule, for any SIEM that reads Sigma and for this case&apos;s detections:
        </span>
        <SaveRuleButton />
      </p>
      {saved.length === 0 ? (
        <p className="muted saved-queries-none">No saved queries in this case yet.</p>
      ) : (
        <ul className="saved-queries-list" aria-label="Saved queries of this case">
          {saved.map((s) => (
            <SavedQueryRow
              key={s.name}
              entry={s}
              onApply={() => {
                onApply(s.q);
                onClose();
              }}
            />
          ))}
        </ul>
      )}
    </dialog>
  );
}

/** One saved query: its name, text and clause, with Apply, Rename and Delete. */
function SavedQueryRow(props: { readonly entry: SavedQuery; readonly onApply: () => void }) {
  const { entry, onApply } = props;
  const actions = useSavedQueryActions();
  const [renaming, setRenaming] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const rename = async (e: SyntheticEvent) => {
    e.preventDefault();
    if (renaming === undefined) return;
    try {
      await actions.rename(entry.name, renaming);
      setRenaming(undefined);
      setError(undefined);
    } catch (caught) {
      setError(message(caught));
    }
  };
  return (
    <li className="saved-query" data-testid="saved-query">
      {renaming === undefined ? (
        <div className="saved-query-head">
          <strong className="saved-query-name ellipsis">
            <LogText text={entry.name} max={200} />
          </strong>
          <button type="button" className="btn btn-small" onClick={onApply}>
            Apply
          </button>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() => setRenaming(entry.name)}
          >
            Rename
          </button>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            aria-label={`Delete saved query ${entry.name}`}
            onClick={() => void actions.remove(entry.name)}
          >
            Delete
          </button>
        </div>
      ) : (
        <form className="saved-query-head" onSubmit={(e) => void rename(e)}>
          <input
            aria-label={`New name for ${entry.name}`}
            value={renaming}
            maxLength={200}
            autoFocus
            onChange={(e) => setRenaming(e.target.value)}
          />
          <button type="submit" className="btn btn-small">
            Rename
          </button>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() => {
              setRenaming(undefined);
              setError(undefined);
            }}
          >
            Cancel
          </button>
        </form>
      )}
      <span className="mono saved-query-text">
        <LogText text={entry.q} max={2000} />
      </span>
      <span className="muted mono saved-query-clause">
        <LogText text={`saved:${quoteValue(entry.name)}`} max={260} />
      </span>
      {error === undefined ? null : (
        <p className="error" role="alert">
          <LogText text={error} max={400} />
        </p>
      )}
    </li>
  );
}
