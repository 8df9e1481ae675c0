import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { annotationQuery, useAnnotate } from '../../data/annotationQueries';
import type { Annotation, AnnotationEdit } from '../../data/annotationTypes';
import { BookmarkToggle } from './BookmarkToggle';
import { NoteEditor } from './NoteEditor';
import { TagEditor } from './TagEditor';
import './Annotations.css';

/**
 * The responder's own marks on the selected event, at the top of the detail pane: bookmark, tags
 * and a note. Every change is stored at once (in this browser, with the case); the note on blur
 * or Ctrl+Enter. All of it is user text, shown as text.
 */
export function AnnotationEditor(props: { readonly row: number }) {
  const { row } = props;
  const query = useQuery(annotationQuery(row));
  const annotate = useAnnotate();
  const [error, setError] = useState<string | undefined>();
  const current: Annotation | undefined = query.data?.annotation;
  const save = async (edit: AnnotationEdit): Promise<boolean> => {
    try {
      await annotate(row, edit);
      setError(undefined);
      return true;
    } catch (e) {
      setError(`Could not save: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  };
  if (query.data === undefined) return null;
  return (
    <section className="detail-section annotations" aria-label="Your annotations">
      <div className="annotations-head">
        <h3>Your notes</h3>
        <BookmarkToggle
          bookmarked={current?.bookmarked === true}
          onToggle={() => void save({ bookmarked: current?.bookmarked !== true })}
        />
      </div>
      <TagEditor tags={current?.tags ?? []} onChange={(tags) => void save({ tags })} />
      {/* Keyed by event: a half-typed note never carries over to another event. */}
      <NoteEditor
        key={query.data.key}
        note={current?.note ?? ''}
        onSave={(note) => save({ note })}
      />
      {error === undefined ? null : (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
