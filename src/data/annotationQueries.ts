import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { engineClient } from '../engine/engineClient';
import type { Annotation, AnnotationEdit } from './annotationTypes';
import { DATASET_KEY, readKey } from './keys';

/** One event row's annotation and the key it is stored under. */
export const annotationQuery = (row: number) =>
  queryOptions({
    queryKey: readKey('notes', 'of', row),
    queryFn: () => engineClient().notes.of(row),
  });

/** Every annotation of the dataset, oldest event first. */
export const annotationsQuery = () =>
  queryOptions({ queryKey: readKey('notes', 'all'), queryFn: () => engineClient().notes.all() });

/** The tags in use, most used first (the tag input's autocomplete). */
export const tagsQuery = () =>
  queryOptions({ queryKey: readKey('notes', 'tags'), queryFn: () => engineClient().notes.tags() });

/** What a case bundle of the dataset would hold: files, their bytes, annotations. */
export const bundleSizeQuery = () =>
  queryOptions({
    queryKey: readKey('bundles', 'size'),
    queryFn: () => engineClient().bundles.size(),
  });

/**
 * Services whose reads depend on annotations: the marks themselves, bundles (they carry them), and
 * every search read (`tag:`… clauses, the rows' markers, counts and suggestions), and session
 * stories (their marks).
 */
const DEPENDENT = new Set<unknown>(['notes', 'bundles', 'search', 'sessions']);

/** Marks every annotation-dependent read stale (after an edit or a bundle import). */
export function invalidateAnnotations(client: QueryClient): Promise<void> {
  return client.invalidateQueries({
    predicate: (q) => q.queryKey[0] === DATASET_KEY[0] && DEPENDENT.has(q.queryKey[1]),
  });
}

/**
 * Edits one event's annotation in the worker (stored at once) and refreshes what shows it: the
 * detail, the table's markers, and any search on annotation fields. Resolves with the result.
 */
export function useAnnotate(): (row: number, edit: AnnotationEdit) => Promise<Annotation> {
  const client = useQueryClient();
  return useCallback(
    async (row, edit) => {
      const saved = await engineClient().notes.annotate(row, edit);
      client.setQueryData(readKey('notes', 'of', row), { key: saved.key, annotation: saved });
      await invalidateAnnotations(client);
      return saved;
    },
    [client],
  );
}
