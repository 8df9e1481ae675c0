import { useState } from 'react';
import type { EventRuleHit } from '../../data/detectionQueries';
import { useDetectionActions } from '../../data/detectionQueries';
import { LogText } from '../common/LogText';

/** The longest note kept with a suppression (DetectionService cuts at MAX_NOTE_LENGTH). */
const MAX_NOTE = 4000;

/**
 * Triage of one rule's hit on event `row`: "Mark benign…" opens an inline note field; once marked,
 * "Marked benign: <note>" with Undo. A rule marked benign as a whole reads so, and Undo lifts that.
 */
export function HitTriage(props: { readonly hit: EventRuleHit; readonly row: number }) {
  const { hit, row } = props;
  const { suppress, unsuppress } = useDetectionActions();
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const ruleId = hit.rule.id;
  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      setEditing(false);
      setNote('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const failed =
    error === undefined ? null : (
      <p className="error" role="alert">
        {error}
      </p>
    );
  const { suppression } = hit;
  if (suppression !== undefined) {
    const whole = suppression.event === undefined;
    return (
      <div className="hit-benign" data-testid="hit-benign">
        <span>
          {whole ? 'Rule marked benign' : 'Marked benign'}
          {suppression.note === '' ? '' : ': '}
          <span className="hit-note">
            <LogText text={suppression.note} max={600} />
          </span>
        </span>{' '}
        <button
          type="button"
          className="btn btn-small"
          disabled={busy}
          title={whole ? 'Lift the suppression of every hit of this rule' : undefined}
          onClick={() => void act(() => unsuppress(ruleId, whole ? undefined : row))}
        >
          Undo
        </button>
        {failed}
      </div>
    );
  }
  if (!editing)
    return (
      <button type="button" className="btn btn-small" onClick={() => setEditing(true)}>
        Mark benign…
      </button>
    );
  return (
    <form
      className="hit-triage-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (note.trim() !== '') void act(() => suppress(ruleId, row, note.trim()));
      }}
    >
      <input
        type="text"
        className="hit-note-input"
        aria-label="Why this hit is benign"
        placeholder="Why this hit is benign"
        maxLength={MAX_NOTE}
        value={note}
        // The field exists because the responder just asked for it.
        autoFocus
        onChange={(e) => setNote(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          // Escape closes the form, not the whole pane (DetailPane skips a used key).
          e.preventDefault();
          setEditing(false);
        }}
      />
      <button type="submit" className="btn btn-small" disabled={busy || note.trim() === ''}>
        Mark benign
      </button>
      <button type="button" className="btn btn-small btn-ghost" onClick={() => setEditing(false)}>
        Cancel
      </button>
      {failed}
    </form>
  );
}
