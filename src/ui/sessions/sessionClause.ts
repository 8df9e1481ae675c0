import { printClause } from '../../querylang/printQuery';

/**
 * `q` narrowed to the events of session `key` (`accessKeyId:<key>`, AND with every clause of `q`),
 * and with `errors`, to those with an errorCode: the query whose match count is the figure shown.
 */
export function sessionQuery(q: string, key: string, errors = false): string {
  const clause = printClause({
    kind: 'field',
    field: 'accessKeyId',
    values: [{ parts: [key] }],
    negated: false,
    span: { start: 0, end: 0 },
  });
  return [q.trim(), clause, errors ? 'errorCode:*' : ''].filter((t) => t !== '').join(' ');
}
