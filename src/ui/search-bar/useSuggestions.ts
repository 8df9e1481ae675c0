import { useQuery } from '@tanstack/react-query';
import {
  ANNOTATION_FIELDS,
  FILE_FIELD,
  INDEXED_FIELDS,
  IP_ORIGIN_FIELDS,
  SAVED_FIELD,
  resolveField,
} from '../../querylang/fields';
import { parseQuery } from '../../querylang/parseQuery';
import { suggestQuery } from '../../data/searchQueries';
import type { SavedQuery } from '../../data/queryLists';
import type { SearchRequest } from '../../data/types';
import { formatCount } from '../common/formatCount';
import { quoteValue, tokenAtCursor } from './tokenAtCursor';

/** One entry of the autocomplete list: what to show and the text that replaces [from, to). */
export interface SuggestionItem {
  readonly label: string;
  readonly detail: string;
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

/** The list to show, and a line above it saying what its counts count (absent when no counts). */
export interface Suggestions {
  readonly items: readonly SuggestionItem[];
  readonly header?: string;
}

const NONE: Suggestions = { items: [] };

/**
 * Autocomplete for the query bar: field names for a bare word; after `field:`, the values present
 * with their counts, or the saved queries' names after `saved:`. Value counts are taken under the
 * current filter: the query in the box without the clause being edited (the applied query when the
 * rest does not parse), in the applied time range; `header` says which events they count.
 */
export function useSuggestions(
  text: string,
  caret: number,
  enabled: boolean,
  applied: SearchRequest,
  saved: readonly SavedQuery[],
): Suggestions {
  const token = tokenAtCursor(text, caret);
  const field = token.field === undefined ? undefined : resolveField(token.field);
  const kind = field?.source.kind;
  const counted =
    field !== undefined &&
    kind !== 'path' &&
    kind !== 'saved' &&
    kind !== 'ipOrigin' &&
    field.name !== 'eventID';
  const rest = `${text.slice(0, token.start)} ${text.slice(token.end)}`.trim();
  const under: SearchRequest = { ...applied, q: parseQuery(rest).ok ? rest : applied.q };
  const answer = useQuery({
    ...suggestQuery(under, field?.name ?? '', token.value),
    enabled: enabled && counted,
  }).data;
  if (!enabled) return NONE;
  if (token.field === undefined) {
    const typed = token.value.toLowerCase();
    if (typed === '') return NONE;
    const negated = text[token.start] === '-';
    const items = [
      ...INDEXED_FIELDS,
      ...IP_ORIGIN_FIELDS,
      { name: FILE_FIELD, label: 'Source file path' },
      ...ANNOTATION_FIELDS,
      { name: SAVED_FIELD, label: 'A query you saved, by name' },
    ]
      .filter((f) => f.name.toLowerCase().startsWith(typed))
      .slice(0, 10)
      .map((f) => ({
        label: `${f.name}:`,
        detail: f.label,
        from: token.start,
        to: token.end,
        insert: `${negated ? '-' : ''}${f.name}:`,
      }));
    return { items };
  }
  if (kind === 'saved') {
    const typed = token.value.toLowerCase();
    const items = saved
      .filter((s) => s.name.toLowerCase().includes(typed))
      .slice(0, 12)
      .map((s) => ({
        label: s.name,
        detail: s.q,
        from: token.valueStart,
        to: token.end,
        insert: quoteValue(s.name),
      }));
    return items.length === 0 ? NONE : { items, header: 'Saved queries' };
  }
  if (!counted || answer === undefined) return NONE;
  const items = answer.values.map((v) => ({
    label: v.value,
    detail: formatCount(v.count),
    from: token.valueStart,
    to: token.end,
    insert: quoteValue(v.value),
  }));
  return items.length === 0 ? NONE : { items, header: countsHeader(answer.under, under) };
}

/** What the counts count: the events under the filter, or the whole case. */
function countsHeader(n: number | undefined, under: SearchRequest): string {
  if (n === undefined) return 'Counts over the whole case';
  const ranged = under.from !== undefined || under.to !== undefined;
  const events = `${formatCount(n)} event${n === 1 ? '' : 's'}`;
  if (under.q.trim() === '')
    return ranged ? `Counts in the ${events} of the time range` : `Counts in all ${events}`;
  return `Counts in the ${events} matching the rest of the query${ranged ? ' in the time range' : ''}`;
}
