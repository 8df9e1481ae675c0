import { useState } from 'react';
import { useIdentityActions } from '../../data/identityQueries';
import { useOpenView } from '../../data/useOpenView';
import { useViewState } from '../../data/useViewState';
import { fromInputValue, toInputValue } from '../search-bar/dateTimeInput';
import { IdentityPicker } from './IdentityPicker';
import { IdentityProfile } from './IdentityProfile';
import type { ProfileActions } from './IdentityProfile';
import './Identity.css';

/**
 * The Identity view (`view=identity`): the profiles of the URL's `identity` values side by side,
 * one column each in the same panel order, with a shared baseline for "new" (the URL's
 * `baseline`, so a shared link marks the same values new) and "Compare with…";
 * without any, a picker of the case's top identities. Every count opens the event table on its
 * events over all time (the profiles cover the whole case).
 */
export function IdentityView(props: {
  readonly timeZone: 'utc' | 'local';
  /** Back to the event table (when this view's chunk cannot load). */
  readonly onClose: () => void;
}) {
  const { timeZone } = props;
  const { shown, openIdentity, compareWith, removeIdentity } = useIdentityActions();
  const [{ baseline: baselineDate }, setView] = useViewState();
  const openView = useOpenView();
  // What is being typed, until it reads as a time (then the URL's `baseline` holds it).
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const baseline = baselineDate?.getTime();
  const baselineText = draft ?? toInputValue(baselineDate, timeZone);
  const onBaseline = (text: string) => {
    const date = fromInputValue(text, timeZone);
    if (text !== '' && date === null) {
      setDraft(text);
      return;
    }
    setDraft(undefined);
    // Typing through a date's fields is one change for Back, not one per field.
    void setView({ baseline: date }, { history: 'replace' });
  };
  const actions: ProfileActions = {
    onEvents: (q) => openView({ q }),
    onEvent: (q, event) => openView({ q, event }),
    onOpen: openIdentity,
    onCompare: compareWith,
    onSession: (key) => void setView({ view: 'sessions', session: key }),
    onRemove: removeIdentity,
  };
  return (
    <section
      className="identity-view"
      aria-label="Identities"
      id="main-view"
      role="tabpanel"
      aria-labelledby="main-tab-identity"
      data-testid="identity-view"
    >
      {shown.length === 0 ? (
        <IdentityPicker
          title="Identity profiles"
          timeZone={timeZone}
          onPick={openIdentity}
          onEvents={actions.onEvents}
        />
      ) : (
        <>
          <div className="identity-toolbar">
            <label className="identity-baseline">
              New since{' '}
              <input
                type="datetime-local"
                step={1}
                value={baselineText}
                onChange={(e) => onBaseline(e.target.value)}
                data-testid="identity-baseline"
              />{' '}
              <span className="muted">
                {timeZone === 'utc' ? 'UTC' : 'local time'}
                {baseline === undefined ? ' · empty: the middle of each identity’s activity' : ''}
              </span>
            </label>
            <button
              type="button"
              className="btn"
              aria-expanded={adding}
              onClick={() => setAdding(!adding)}
              data-testid="compare-with"
            >
              Compare with…
            </button>
            <button type="button" className="btn" onClick={() => void setView({ identity: null })}>
              All identities
            </button>
          </div>
          {adding ? (
            <IdentityPicker
              title="Compare with"
              timeZone={timeZone}
              limit={10}
              onPick={(v) => {
                setAdding(false);
                compareWith(v);
              }}
              onEvents={actions.onEvents}
            />
          ) : null}
          <div
            className="identity-columns"
            style={{
              // One profile takes the width (its panels flow into columns); several share it.
              gridTemplateColumns:
                shown.length === 1
                  ? 'minmax(420px, 1fr)'
                  : `repeat(${shown.length}, minmax(420px, 1100px))`,
            }}
          >
            {shown.map((value) => (
              <IdentityProfile
                key={value}
                value={value}
                baseline={baseline}
                timeZone={timeZone}
                actions={actions}
                removable={shown.length > 1}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
