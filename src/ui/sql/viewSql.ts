import { lookupIn, parseExpanded } from '../../querylang/expandSaved';
import { printSql } from '../../sql/printSql';
import type { SqlDialect } from '../../sql/types';

/** The view as SQL in one dialect, or why there is none (the query does not parse). */
export type ViewSql =
  { readonly ok: true; readonly sql: string } | { readonly ok: false; readonly message: string };

/**
 * The applied view as SQL (sql/printSql): query text `q` with its `saved:` clauses expanded from
 * the case's saved queries, the resolved time range (ms since epoch, `to` exclusive), and the
 * table's sort (`sort` a column id, absent for event time; `order` its direction). Never throws.
 */
export function viewSql(view: {
  readonly q: string;
  readonly saved: readonly { readonly name: string; readonly q: string }[];
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  readonly sort?: string | null | undefined;
  readonly order: 'asc' | 'desc';
  readonly dialect: SqlDialect;
  readonly source: string;
}): ViewSql {
  const parsed = parseExpanded(view.q, lookupIn(view.saved));
  if (!parsed.ok) return { ok: false, message: parsed.error.message };
  const sql = printSql(
    {
      query: parsed.query,
      ...(view.from === undefined ? {} : { from: view.from }),
      ...(view.to === undefined ? {} : { to: view.to }),
      sort: { field: view.sort ?? 'eventTime', desc: view.order === 'desc' },
    },
    view.dialect,
    view.source,
  );
  return { ok: true, sql };
}
