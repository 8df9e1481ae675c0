import { resolveField } from '../querylang/fields';
import type { Clause, FieldClause } from '../querylang/types';
import type { Dialect } from './Dialect';
import { athenaDialect } from './athenaDialect';
import { RESOURCE_NOTE } from './derivedFields';
import { duckdbDialect } from './duckdbDialect';
import { lakeDialect } from './lakeDialect';
import { sqlComment } from './sqlText';
import type { Condition, SqlDialect, SqlView } from './types';
import { valueCondition } from './valueCondition';

const NAMES: Readonly<Record<SqlDialect, string>> = {
  duckdb: 'DuckDB',
  athena: 'Athena',
  lake: 'CloudTrail Lake',
};

const DIALECTS: Readonly<Record<SqlDialect, Dialect>> = {
  duckdb: duckdbDialect,
  athena: athenaDialect,
  lake: lakeDialect,
};

/**
 * The view (query, time range, sort) as one SQL statement for `dialect`, reading from `source` (the
 * Athena table, the Lake event data store ID, or the files DuckDB reads). Printed from the parsed
 * query, clause by clause; a clause an engine cannot express becomes a `--` comment at the top
 * naming it, and the statement then matches as if it were absent. `| count by` groups the matching
 * events by its fields, most events first. Never throws.
 */
export function printSql(view: SqlView, dialect: SqlDialect, source: string): string {
  const d = DIALECTS[dialect];
  const notes: string[] = [];
  const where: string[] = [];
  const noted = new Set<string>();
  for (const clause of view.query.clauses) {
    const c = clauseCondition(d, clause);
    if ('sql' in c) where.push(c.sql);
    else notes.push(`Not expressed: ${c.unsupported}`);
    const field = clause.kind === 'field' ? resolveField(clause.field).source.kind : '';
    if ((field === 'resourceName' || field === 'resourceType') && !noted.has('res')) {
      noted.add('res');
      notes.push(`Approximate: ${RESOURCE_NOTE}`);
    }
    if (clause.kind === 'text' && !noted.has('text')) {
      noted.add('text');
      notes.push(
        'Approximate: free text is sought in the record as one JSON text, where Cairn tests each key and value on its own',
      );
    }
  }
  if (view.from !== undefined) where.push(`${d.time} >= ${d.timeLiteral(view.from)}`);
  if (view.to !== undefined) where.push(`${d.time} < ${d.timeLiteral(view.to)}`);
  const sort = view.sort;
  const sortExpr = sort === undefined || sort.field === 'eventTime' ? d.time : d.column(sort.field);
  const orderBy = [
    `${sortExpr ?? d.time}${sort?.desc === true ? ' DESC' : ''}`,
    ...(sortExpr === d.time ? [] : [d.time]),
  ];
  const prelude = d.prelude(source, { from: view.from, to: view.to });
  const all = [...prelude.where, ...where];
  const count = countSelect(d, view.query.countBy ?? [], notes);
  return [
    sqlComment(`Cairn view as ${NAMES[dialect]} SQL. Matching ignores case, as Cairn does.`),
    ...notes.map(sqlComment),
    prelude.with,
    `SELECT ${count?.select ?? d.eventColumns}`,
    'FROM events',
    ...(all.length === 0 ? [] : [`WHERE ${all.join('\n  AND ')}`]),
    ...(count === undefined ? [`ORDER BY ${orderBy.join(', ')}`] : [count.rest]),
  ].join('\n');
}

/**
 * `| count by a[, b]` as GROUP BY: values that differ only in case are one group (as in Cairn),
 * shown in their smallest spelling; '' is "(none)". Only single-valued fields group here.
 */
function countSelect(
  d: Dialect,
  fields: readonly string[],
  notes: string[],
): { select: string; rest: string } | undefined {
  if (fields.length === 0) return undefined;
  const exprs: string[] = [];
  for (const field of fields) {
    const { name } = resolveField(field);
    const expr = d.column(name);
    if (expr === undefined) {
      notes.push(`Not expressed: count by ${name} (a field with several values per event)`);
      continue;
    }
    exprs.push(expr);
  }
  if (exprs.length === 0) return undefined;
  const keys = exprs.map((e, i) => `min(${e}) AS value${i + 1}`);
  const groups = exprs.map((e) => `lower(${e})`);
  return {
    select: `${keys.join(', ')}, count(*) AS events, min(${d.time}) AS first_seen, max(${d.time}) AS last_seen`,
    rest: `GROUP BY ${groups.join(', ')}\nORDER BY events DESC, ${exprs.map((_, i) => `value${i + 1}`).join(', ')}`,
  };
}

function clauseCondition(d: Dialect, clause: Clause): Condition {
  const c = clause.kind === 'text' ? d.text(clause) : fieldCondition(d, clause);
  if (!('sql' in c) || !clause.negated) return c;
  return { sql: `NOT (${c.sql})` };
}

function fieldCondition(d: Dialect, clause: FieldClause): Condition {
  const { name, source } = resolveField(clause.field);
  const test = (value: string) => valueCondition(value, clause.values, clause.field, d.cidr);
  switch (source.kind) {
    case 'column':
    case 'eventID': {
      const expr = d.column(name);
      return expr === undefined ? { unsupported: `${name}:` } : { sql: test(expr) };
    }
    case 'resourceName':
    case 'resourceType':
      return d.anyResource(source.kind, test);
    case 'path':
      return d.anyAtPath(source.path, test);
    case 'file':
      return d.anyFile(test);
    case 'annotation':
      return { unsupported: `${name}: (your bookmarks, tags and notes live only in Cairn)` };
    case 'detection':
      return { unsupported: `${name}: (detection hits; print the rule itself as SQL)` };
    case 'ipOrigin':
      return { unsupported: `${name}: (IP origin comes from Cairn's databases, not the logs)` };
    case 'saved':
      return { unsupported: `saved: (expand it before printing)` };
  }
}
