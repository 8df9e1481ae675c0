import type { Dialect, ValueTest } from './Dialect';
import { NAME_KEYS, RESOURCE_RULES, TYPE_KEYS } from '../cloudtrail/deriveResources';
import { FIELD_PATHS, userNameSql } from './derivedFields';
import { sqlString } from './sqlText';
import { ipv4Bounds } from './valueCondition';
import { wordPattern } from './wordPattern';

/** The JSON path text of `path` under the record (`$.userIdentity.arn`), quoting odd keys. */
function jsonPath(path: readonly string[]): string {
  return `$${path.map((k) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `.${k}` : `."${k}"`)).join('')}`;
}

/** A string at `path` of the record `r`, '' when absent or not a string (as stringAt reads it). */
const get = (path: readonly string[]) =>
  `coalesce(CASE WHEN json_type(r, ${sqlString(jsonPath(path))}) = 'VARCHAR' THEN (r ->> ${sqlString(jsonPath(path))}) END, '')`;

/** An IPv4 address (strict dotted quad, or IPv4-mapped IPv6) as a number, NULL for anything else. */
function ipv4Number(expr: string): string {
  const quad = '(0|[1-9][0-9]{0,2})';
  const re = sqlString(`(?i)^(?:::ffff:)?${quad}\\.${quad}\\.${quad}\\.${quad}$`);
  const part = (n: number) => `TRY_CAST(regexp_extract(${expr}, ${re}, ${n}) AS BIGINT)`;
  return `CASE WHEN regexp_matches(${expr}, ${re}) AND greatest(${part(1)}, ${part(2)}, ${part(3)}, ${part(4)}) <= 255 THEN ${part(1)} * 16777216 + ${part(2)} * 65536 + ${part(3)} * 256 + ${part(4)} END`;
}

/** EXISTS over a list expression's elements `x`. */
const anyOf = (list: string, test: string) =>
  `EXISTS (SELECT 1 FROM unnest(${list}) AS u(x) WHERE ${test})`;

/**
 * DuckDB over the trail's files as delivered: `read_json` reads each file's `Records` as JSON, and
 * the events are folded as Cairn folds them: an identical record (same JSON text) delivered again
 * is one event that keeps every file it came in; records under one eventID that differ stay apart.
 * Fields are read from the JSON (`->>`), so any path works.
 * @see https://duckdb.org/docs/stable/data/json/loading_json
 * @see https://duckdb.org/docs/stable/data/json/json_functions
 */
export const duckdbDialect: Dialect = {
  name: 'duckdb',
  column(field) {
    if (field === 'userName') {
      return userNameSql(get, `json_type(r, '$.userIdentity') = 'OBJECT'`);
    }
    if (field === 'readOnly') {
      return `coalesce(CASE WHEN json_type(r, '$.readOnly') IN ('BOOLEAN', 'VARCHAR') AND (r ->> '$.readOnly') IN ('true', 'false') THEN (r ->> '$.readOnly') END, '')`;
    }
    const path = FIELD_PATHS[field];
    return path === undefined ? undefined : get(path);
  },
  anyAtPath(path, test: ValueTest) {
    // Every node whose path, list positions taken out, is the path: values along lists, the value
    // at the end, and the elements of a list at the end at every depth (recordValues.valuesAtPath).
    const at = sqlString(jsonPath(path));
    return {
      sql: `EXISTS (SELECT 1 FROM json_tree(r) AS t WHERE regexp_replace(t.fullkey, '\\[[0-9]+\\]', '', 'g') = ${at} AND ${test(`CASE WHEN t.type = 'VARCHAR' THEN t.value ->> '$' ELSE t.value::VARCHAR END`)})`,
    };
  },
  anyResource(kind, test) {
    const first = (keys: readonly string[]) =>
      `coalesce(${keys.map((k) => `nullif(x ->> '${k}', '')`).join(', ')})`;
    const name = first(NAME_KEYS);
    const own = kind === 'resourceName' ? name : `coalesce(${first(TYPE_KEYS)}, '')`;
    const ors = [
      anyOf(`json_extract(r, '$.resources[*]')`, `${name} IS NOT NULL AND ${test(own)}`),
    ];
    // The objects whose keys name resources: the request, the response, and their EC2 items.
    const objects = `list_concat(${['requestParameters', 'responseElements']
      .flatMap((part) => [
        `[r -> '$.${part}']`,
        `coalesce(json_extract(r, '$.${part}.instancesSet.items[*]'), [])`,
      ])
      .join(', ')})`;
    const source = get(['eventSource']);
    const rules = RESOURCE_RULES.map((rule) => {
      const when = rule.source === undefined ? '' : `${source} = ${sqlString(rule.source)} AND `;
      const key = sqlString(`$.${rule.key}`);
      const values =
        rule.list === true
          ? `json_extract_string(o, ${sqlString(`$.${rule.key}[*]`)})`
          : `[CASE WHEN json_type(o, ${key}) = 'VARCHAR' THEN o ->> ${key} END]`;
      const value = kind === 'resourceName' ? 'v' : sqlString(rule.type);
      return `(${when}EXISTS (SELECT 1 FROM unnest(${values}) AS q(v) WHERE v <> '' AND ${test(value)}))`;
    });
    ors.push(`EXISTS (SELECT 1 FROM unnest(${objects}) AS p(o) WHERE ${rules.join('\n    OR ')})`);
    if (kind === 'resourceName') {
      const arn = '"(arn:[^:"\\\\]+:[^:"\\\\]+:[^:"\\\\]*:[^:"\\\\]*:[^"\\\\]+)"';
      ors.push(
        anyOf(
          `regexp_extract_all(coalesce(json_extract(r, '$.requestParameters')::VARCHAR, ''), ${sqlString(arn)}, 1)`,
          test('x'),
        ),
      );
    }
    return { sql: `(${ors.join('\n  OR ')})` };
  },
  anyFile(test) {
    return { sql: anyOf('files', test('x')) };
  },
  text(clause) {
    return { sql: `regexp_matches(r::VARCHAR, ${sqlString(wordPattern(clause))})` };
  },
  cidr(expr, range) {
    // Plain SQL has no 128-bit arithmetic: an IPv6 range matches nothing here (the typed text
    // itself still matches, beside this), and the SQL says so where it stands.
    if (range.v === 6)
      return "FALSE /* IPv6 range not expressed: it needs DuckDB's inet extension */";
    const { lo, hi } = ipv4Bounds(range);
    return `coalesce(${ipv4Number(expr)} BETWEEN ${lo} AND ${hi}, FALSE)`;
  },
  time: `TRY_CAST(r ->> '$.eventTime' AS TIMESTAMPTZ)`,
  // ISO 8601 with milliseconds and Z: read as UTC whatever the session's time zone.
  timeLiteral: (ms) => `TIMESTAMPTZ ${sqlString(new Date(ms).toISOString())}`,
  prelude(source) {
    return {
      with: [
        'WITH records AS (',
        '  SELECT filename, row_number() OVER () AS n, unnest(Records) AS r',
        `  FROM read_json(${sqlString(source)}, columns = {Records: 'JSON[]'}, filename = true)`,
        '),',
        '-- An identical record delivered twice is one event, with every file it came in (as in Cairn).',
        'events AS (',
        '  SELECT any_value(r) AS r, list(DISTINCT filename ORDER BY filename) AS files',
        '  FROM records',
        "  GROUP BY r::VARCHAR, CASE WHEN coalesce(r ->> '$.eventID', '') = '' THEN n END",
        ')',
      ].join('\n'),
      where: [],
    };
  },
  eventColumns:
    "r ->> '$.eventTime' AS eventTime, r ->> '$.eventSource' AS eventSource, r ->> '$.eventName' AS eventName, r ->> '$.eventID' AS eventID, r AS record, files",
};
