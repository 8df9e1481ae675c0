import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ingestClient } from '../engine/engineClient';
import type { Annotation, AnnotationEdit } from './annotationTypes';
import { keys } from './keys';

/** One event row's annotation and the key it is stored under. */
export const annotationQuery = (row: number) =>
  queryOptions({
    queryKey: keys.annotation(row),
    queryFn: () => ingestClient().annotation(row),
  });

/** Every annotation of the dataset, oldest event first. */
export const annotationsQuery = () =>
  queryOptions({ queryKey: keys.annotations(), queryFn: () => ingestClient().annotations() });

/** The tags in use, most used first (the tag input's autocomplete). */
export const tagsQuery = () =>
  queryOptions({ queryKey: keys.tags(), queryFn: () => ingestClient().annotationTags() });

/** What a case bundle of the dataset would hold: files, their bytes, annotations. */
export const bundleSizeQuery = () =>
  queryOptions({ queryKey: keys.bundleSize(), queryFn: () => ingestClient().bundleSize() });

/** Reads that depend on annotations: marks, searches (`tag:`…), their rows, counts and suggestions. */
const DEPENDENT = new Set([
  'annotation',
  'annotations',
  'tags',
  'bundleSize',
  'search',
  'rows',
  'count',
  'facets',
  'histogram',
  'locate',
  'suggest',
]);

/** Marks every annotation-dependent read stale (after an edit or a bundle import). */
export function invalidateAnnotations(client: QueryClient): Promise<void> {
  return client.invalidateQueries({
    predicate: (q) => q.queryKey[0] === keys.all[0] && DEPENDENT.has(String(q.queryKey[1])),
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
      const saved = await ingestClient().annotate(row, edit);
      client.setQueryData(keys.annotation(row), { key: saved.key, annotation: saved });
      await invalidateAnnotations(client);
      return saved;
    },
    [client],
  );
}
