import { useEffect, useRef, useState } from 'react';
import type { SyntheticEvent } from 'react';

/** Longest note kept (db/caseDetections MAX_NOTE_LENGTH). */
const MAX_NOTE = 4000;

/**
 * The inline "Mark benign" form of a rule: a note saying why its hits are benign (required: the
 * verdict must be explainable later), then Mark benign or Cancel. `onSubmit` rejects with a readable
 * reason, shown beside the form.
 */
export function BenignForm(props: {
  readonly title: string;
  readonly onSubmit: (note: string) => Promise<void>;
  readonly onCancel: () => void;
}) {
  const { title, onSubmit, onCancel } = props;
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await onSubmit(note.trim());
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  };
  return (
    <form
      className="benign-form"
      aria-label={`Mark "${title}" benign`}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <label>
        <span>Why are these hits benign?</span>
        <input
          ref={input}
          data-testid="benign-note"
          value={note}
          maxLength={MAX_NOTE}
          required
          placeholder="e.g. the red team's planned test, ticket 1234"
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <button
        type="submit"
        className="btn btn-small btn-primary"
        disabled={busy || note.trim() === ''}
      >
        Mark benign
      </button>
      <button type="button" className="btn btn-small" onClick={onCancel}>
        Cancel
      </button>
      {error === undefined ? null : (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
