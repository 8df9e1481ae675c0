import { useQuery } from '@tanstack/react-query';
import {
  ANNOTATION_FIELDS,
  FILE_FIELD,
  INDEXED_FIELDS,
  resolveField,
} from '../../querylang/fields';
import { suggestQuery } from '../../data/searchQueries';
import { quoteValue, tokenAtCursor } from './tokenAtCursor';

/** One entry of the autocomplete list: what to show and the text that replaces [from, to). */
export interface SuggestionItem {
  readonly label: string;
  readonly detail: string;
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

/**
 * Autocomplete for the query bar: field names for a bare word, and values present in the dataset
 * (with counts) after `field:` for indexed fields.
 */
export function useSuggestions(text: string, caret: number, enabled: boolean): SuggestionItem[] {
  const token = tokenAtCursor(text, caret);
  const field = token.field === undefined ? undefined : resolveField(token.field);
  const indexed = field !== undefined && field.source.kind !== 'path' && field.name !== 'eventID';
  const values = useQuery({
    ...suggestQuery(field?.name ?? '', token.value),
    enabled: enabled && indexed,
  }).data;
  if (!enabled) return [];
  if (token.field === undefined) {
    const typed = token.value.toLowerCase();
    if (typed === '') return [];
    const negated = text[token.start] === '-';
    return [
      ...INDEXED_FIELDS,
      { name: FILE_FIELD, label: 'Source file path' },
      ...ANNOTATION_FIELDS,
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
  }
  if (!indexed) return [];
  return (values ?? []).map((v) => ({
    label: v.value,
    detail: v.count.toLocaleString('en-US'),
    from: token.valueStart,
    to: token.end,
    insert: quoteValue(v.value),
  }));
}
