import { useState } from 'react';
import type { CaseEntry } from '../../data/types';
import { caseFigures } from './caseFigures';
import { LogText } from '../common/LogText';
import { visibleString } from '../common/visibleText';

/** What a row can do; each resolves when done and rejects with the reason it could not. */
export interface CaseRowActions {
  readonly open: (id: string) => Promise<void>;
  readonly rename: (id: string, name: string) => Promise<void>;
  readonly remove: (id: string) => Promise<void>;
}

/**
 * One case in the Cases dialog: name (user text, shown as text), figures, and Open / Rename / Delete.
 * Rename edits in place; Delete asks first, naming the case, its events and its size. `lockReason`
 * (an ingest is running) disables opening and deleting, and says why.
 */
export function CaseRow(props: {
  readonly entry: CaseEntry;
  readonly active: boolean;
  readonly lockReason: string | undefined;
  readonly timeZone: 'utc' | 'local';
  readonly actions: CaseRowActions;
}) {
  const { entry, active, lockReason, actions } = props;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(entry.name);
  // Names arrive in bundles: labels hold it with invisible characters escaped, like the text.
  const shownName = visibleString(entry.name);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | undefined>();
  /** The action under way (opening or deleting a large case takes a moment). */
  const [pending, setPending] = useState<'open' | 'delete' | undefined>();
  const f = caseFigures(entry.summary, props.timeZone);
  const run = (work: () => Promise<void>, what?: 'open' | 'delete') => {
    setPending(what);
    return work().then(
      () => {
        setError(undefined);
        setPending(undefined);
      },
      (e: unknown) => {
        setError(e instanceof Error ? e.message : String(e));
        setPending(undefined);
      },
    );
  };
  const locked = lockReason !== undefined || pending !== undefined;
  const save = () => {
    setEditing(false);
    if (draft.trim() !== '' && draft !== entry.name)
      void run(() => actions.rename(entry.id, draft));
  };
  return (
    <>
      <tr
        className={active ? 'case-row case-active' : 'case-row'}
        data-testid="case-row"
        data-case-id={entry.id}
        data-active={active}
        data-events={entry.summary?.eventCount ?? 0}
      >
        <td className="case-name-cell">
          {editing ? (
            <input
              className="case-name-input"
              aria-label={`New name for ${shownName}`}
              value={draft}
              autoFocus
              onChange={(e) => setDraft(e.target.value)}
              onBlur={save}
              onKeyDown={(e) => {
                if (e.key === 'Enter') save();
                if (e.key === 'Escape') {
                  // Escape cancels the edit, not the whole dialog.
                  e.preventDefault();
                  setDraft(entry.name);
                  setEditing(false);
                }
              }}
            />
          ) : (
            <span className="case-name" data-testid="case-name">
              <LogText text={entry.name} max={200} />
            </span>
          )}
          {active ? <span className="case-badge">open</span> : null}
        </td>
        <td className="num">{f.events}</td>
        <td className="num">{f.size}</td>
        <td className="mono case-span">
          {f.span === undefined ? (
            <span className="muted">—</span>
          ) : (
            <>
              {f.span} <span className="muted">{f.zone}</span>
            </>
          )}
        </td>
        <td className="case-sources">
          <div>{f.files}</div>
          {f.origins === '' ? null : <div className="muted">{f.origins}</div>}
        </td>
        <td className="case-actions">
          {active ? null : (
            <button
              type="button"
              className="btn btn-small btn-primary"
              disabled={locked}
              title={lockReason ?? `Open ${shownName}`}
              onClick={() => void run(() => actions.open(entry.id), 'open')}
            >
              {pending === 'open' ? 'Opening…' : 'Open'}
            </button>
          )}
          <button
            type="button"
            className="btn btn-small"
            aria-label={`Rename ${shownName}`}
            onClick={() => {
              setDraft(entry.name);
              setEditing(true);
            }}
          >
            Rename
          </button>
          <button
            type="button"
            className="btn btn-small btn-danger-ghost"
            aria-label={`Delete ${shownName}`}
            disabled={locked}
            title={lockReason ?? 'Delete this case and its stored files'}
            onClick={() => setConfirming(true)}
          >
            {pending === 'delete' ? 'Deleting…' : 'Delete'}
          </button>
        </td>
      </tr>
      {confirming ? (
        <tr className="case-confirm-row">
          <td colSpan={6}>
            <div className="case-confirm" role="group" aria-label={`Confirm deleting ${shownName}`}>
              <span>
                Delete{' '}
                <strong className="case-name">
                  <LogText text={entry.name} max={200} />
                </strong>
                ? Its {f.events} events and {f.size} of stored files are removed from this browser.
                This cannot be undone.
              </span>
              <button
                type="button"
                className="btn btn-small btn-danger"
                disabled={lockReason !== undefined}
                onClick={() => {
                  setConfirming(false);
                  void run(() => actions.remove(entry.id), 'delete');
                }}
              >
                Delete case
              </button>
              <button type="button" className="btn btn-small" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </div>
          </td>
        </tr>
      ) : null}
      {error === undefined ? null : (
        <tr className="case-error-row">
          <td colSpan={6} role="alert">
            {error}
          </td>
        </tr>
      )}
    </>
  );
}
