import type { SearchRequest } from '../search/types';
import { searchKey } from '../search/types';

/** Query keys. Everything read from the worker sits under 'dataset', invalidated when data changes. */
export const keys = {
  all: ['dataset'] as const,
  info: () => [...keys.all, 'info'] as const,
  search: (r: SearchRequest) => [...keys.all, 'search', searchKey(r)] as const,
  /** The partial status of a streaming search, written by whichever fetch runs it. */
  searchProgress: (r: SearchRequest) => [...keys.all, 'searchProgress', searchKey(r)] as const,
  rows: (r: SearchRequest, order: string, page: number, version: string) =>
    [...keys.all, 'rows', searchKey(r), order, page, version] as const,
  facets: (r: SearchRequest, version: string) =>
    [...keys.all, 'facets', searchKey(r), version] as const,
  histogram: (r: SearchRequest, from: number, to: number, version: string) =>
    [...keys.all, 'histogram', searchKey(r), from, to, version] as const,
  suggest: (field: string, text: string) => [...keys.all, 'suggest', field, text] as const,
  locate: (r: SearchRequest, eventID: string, order: string, version: string) =>
    [...keys.all, 'locate', searchKey(r), eventID, order, version] as const,
  count: (q: string) => [...keys.all, 'count', q] as const,
  detail: (row: number) => [...keys.all, 'detail', row] as const,
  chain: (row: number) => [...keys.all, 'chain', row] as const,
  validation: (extras: string) => [...keys.all, 'validation', extras] as const,
  coverage: (extras: string) => [...keys.all, 'coverage', extras] as const,
  files: () => [...keys.all, 'files'] as const,
  storage: () => [...keys.all, 'storage'] as const,
  /** Annotations (bookmarks, tags, notes): one event's, all of them, the tags in use. */
  annotation: (row: number) => [...keys.all, 'annotation', row] as const,
  annotations: () => [...keys.all, 'annotations'] as const,
  tags: () => [...keys.all, 'tags'] as const,
  bundleSize: () => [...keys.all, 'bundleSize'] as const,
};
