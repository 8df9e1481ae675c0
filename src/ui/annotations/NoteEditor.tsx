import { useState } from 'react';
import { ANNOTATION_LIMITS } from '../../data/annotationTypes';

/**
 * The event's note: saved when the field loses the focus or on Ctrl+Enter (⌘+Enter), with a
 * visible "Saved" once stored. The note is the user's text, shown as typed.
 */
export function NoteEditor(props: {
  readonly note: string;
  readonly onSave: (note: string) => Promise<boolean>;
}) {
  const [draft, setDraft] = useState(props.note);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const dirty = draft !== props.note;
  const save = async () => {
    if (!dirty) return;
    setState('saving');
    setState((await props.onSave(draft)) ? 'saved' : 'idle');
  };
  return (
    <div className="note-editor">
      <textarea
        className="note-input"
        aria-label="Note"
        placeholder="Note: what this event means for the investigation"
        rows={3}
        maxLength={ANNOTATION_LIMITS.note}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          setState('idle');
        }}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      />
      <div className="note-status" role="status" aria-live="polite">
        {state === 'saving'
          ? 'Saving…'
          : state === 'saved' && !dirty
            ? '✓ Saved'
            : dirty
              ? 'Unsaved: Ctrl+Enter or leave the field to save'
              : ''}
      </div>
    </div>
  );
}
