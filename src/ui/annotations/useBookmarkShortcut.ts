import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { annotationQuery, useAnnotate } from '../../data/annotationQueries';
import { isTypingTarget, modalOpen } from '../keyboard/isTypingTarget';

/**
 * `b` toggles the bookmark of the selected event `row`, from anywhere outside a text field and
 * outside dialogs (like j and k). Nothing happens when no event is selected.
 */
export function useBookmarkShortcut(row: number | undefined): void {
  const client = useQueryClient();
  const annotate = useAnnotate();
  const rowRef = useRef(row);
  useEffect(() => {
    rowRef.current = row;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'b' || e.ctrlKey || e.metaKey || e.altKey) return;
      const selected = rowRef.current;
      if (selected === undefined || isTypingTarget(e.target) || modalOpen()) return;
      e.preventDefault();
      void (async () => {
        const current = await client.query(annotationQuery(selected));
        await annotate(selected, { bookmarked: current.annotation?.bookmarked !== true });
      })();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [client, annotate]);
}
