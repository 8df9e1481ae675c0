import { withFieldValue } from './editQuery';
import { printQuery } from './printQuery';
import type { Clause, Query } from './types';

/**
 * The query text that finds one account × Region, as the map counts them: exact values, or the
 * field absent (`-field:*`) when the events carry none. Values come from logs, so they are printed
 * by printQuery, which quotes whatever needs it.
 */
export function cellQuery(account: string, region: string): string {
  let query: Query = { clauses: [] };
  for (const [field, value] of [
    ['recipientAccountId', account],
    ['awsRegion', region],
  ] as const) {
    query =
      value === ''
        ? { clauses: [...query.clauses, absent(field)] }
        : withFieldValue(query, field, value, false);
  }
  return printQuery(query);
}

function absent(field: string): Clause {
  return {
    kind: 'field',
    field,
    values: [{ parts: ['', ''] }],
    negated: true,
    span: { start: 0, end: 0 },
  };
}
