import { printQuery } from '../querylang/printQuery';
import type { FieldClause, Query } from '../querylang/types';

/** One condition of a profile link: a field equal to a value ('' = absent), or present (`any`). */
export type Condition =
  | { readonly field: string; readonly value: string }
  | { readonly field: string; readonly any: boolean }
  | { readonly field: string; readonly values: readonly string[] }
  | { readonly field: string; readonly prefix: string };

/**
 * The query text of `base` (an identity's query) AND each condition: `field:value` (exact, case
 * ignored as every query), `-field:*` for a value '' (the events carry none), `field:*` / `-field:*`
 * for `any` true / false, `field:v1,v2` for any of `values`, `field:prefix*` for a `prefix`. Printed by printQuery, which quotes and escapes log text, so a value with
 * spaces, commas, quotes or `*` stays one literal value.
 */
export function profileQuery(base: Query, ...conditions: readonly Condition[]): string {
  const clauses = [...base.clauses, ...conditions.map(conditionClause)];
  return printQuery({ clauses });
}

function conditionClause(c: Condition): FieldClause {
  const span = { start: 0, end: 0 };
  const anyValue = [{ parts: ['', ''] }];
  if ('values' in c)
    return {
      kind: 'field',
      field: c.field,
      values: c.values.map((v) => ({ parts: [v] })),
      negated: false,
      span,
    };
  if ('prefix' in c)
    return {
      kind: 'field',
      field: c.field,
      values: [{ parts: [c.prefix, ''] }],
      negated: false,
      span,
    };
  if ('any' in c) return { kind: 'field', field: c.field, values: anyValue, negated: !c.any, span };
  if (c.value === '')
    return { kind: 'field', field: c.field, values: anyValue, negated: true, span };
  return { kind: 'field', field: c.field, values: [{ parts: [c.value] }], negated: false, span };
}
