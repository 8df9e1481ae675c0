import type { AnnotationField } from '../querylang/fields';
import { compilePatterns } from '../querylang/matchPattern';
import type { FieldClause } from '../querylang/types';
import type { Annotation } from '../index/Annotation';
import type { RowTest } from './compileFilter';

/** The values an annotation gives a field; an event without one has `bookmarked:false` and no others. */
function valuesOf(field: AnnotationField, a: Annotation | undefined): readonly string[] {
  switch (field) {
    case 'bookmarked':
      return [a?.bookmarked === true ? 'true' : 'false'];
    case 'tag':
      return a?.tags ?? [];
    case 'note':
      return a === undefined || a.note === '' ? [] : [a.note];
    case 'is': {
      if (a === undefined) return [];
      const out = ['annotated'];
      if (a.bookmarked) out.push('bookmarked');
      if (a.tags.length > 0) out.push('tagged');
      if (a.note.trim() !== '') out.push('noted');
      return out;
    }
  }
}

/**
 * The row test of an annotation clause (`bookmarked:`, `tag:`, `note:`, `is:`): the clause holds
 * when any value the row's annotation gives the field matches any pattern (case ignored, wildcards
 * as elsewhere). `rows` maps rows to their annotation (AnnotationIndex.rows); without it no row has
 * one, so `bookmarked:false` matches every row and `tag:x` none.
 */
export function annotationRowTest(
  clause: FieldClause,
  field: AnnotationField,
  rows: ReadonlyMap<number, Annotation> | undefined,
): RowTest {
  const match = compilePatterns(clause.values, clause.field);
  const bare = valuesOf(field, undefined).some(match);
  return (row) => {
    const a = rows?.get(row);
    const hit = a === undefined ? bare : valuesOf(field, a).some(match);
    return hit !== clause.negated;
  };
}
