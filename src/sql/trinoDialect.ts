import type { Dialect, ValueTest } from './Dialect';
import { RESOURCE_RULES } from '../cloudtrail/deriveResources';
import { FIELD_PATHS, userNameSql } from './derivedFields';
import type { Getter } from './derivedFields';
import { sqlString } from './sqlText';
import type { Condition, SqlDialect } from './types';
import { cidrText } from './valueCondition';
import { wordPattern } from './wordPattern';

/** How one Trino-based store (Athena's CloudTrail table, CloudTrail Lake) lays the record out. */
export interface TrinoLayout {
  readonly name: SqlDialect;
  /** A string at a record path, '' when absent; undefined when the store has no such column. */
  readonly get: (path: readonly string[]) => string | undefined;
  /**
   * The JSON text of a top-level key (requestParameters, a struct cast to JSON), or undefined;
   * `lower` when its keys are lower-cased (Athena's structs).
   */
  readonly json: (key: string) => { readonly text: string; readonly lower: boolean } | undefined;
  /** Whether userIdentity is present. */
  readonly hasIdentity: string;
  /** The resources array; its elements have `arn` and `type`. */
  readonly resources: string;
  readonly readOnly: string;
  /** The delivered file's key, or undefined when the store keeps none. */
  readonly file: string | undefined;
  readonly time: string;
  readonly timeLiteral: (ms: number) => string;
  readonly prelude: (
    source: string,
    range: { readonly from?: number | undefined; readonly to?: number | undefined },
  ) => {
    readonly with: string;
    readonly where: readonly string[];
  };
  readonly eventColumns: string;
  /** Everything searched by free text, as one string. */
  readonly wholeText: string;
}

/**
 * The values of a JSON text `json` at `$.rest`: the scalar there (a string unquoted, anything else
 * as JSON), or each element of a list there. Lists along the path are not searched (Trino's JSON
 * path has no wildcard); printSql says so.
 * @see https://trino.io/docs/current/functions/json.html#json-extract
 */
function anyInJson(json: string, rest: readonly string[], test: ValueTest): string {
  const path = sqlString(
    `$${rest.map((k) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `.${k}` : `["${k}"]`)).join('')}`,
  );
  const at = rest.length === 0 ? `json_parse(${json})` : `json_extract(${json}, ${path})`;
  const text = (j: string) => `coalesce(json_extract_scalar(${j}, '$'), json_format(${j}))`;
  return `(${at} IS NOT NULL AND (${test(text(at))} OR any_match(coalesce(TRY_CAST(${at} AS ARRAY(JSON)), CAST(ARRAY[] AS ARRAY(JSON))), e -> ${test(text('e'))})))`;
}

/** A Dialect for a Trino-based store laid out as `layout` says (Athena, CloudTrail Lake). */
export function trinoDialect(layout: TrinoLayout): Dialect {
  const get: Getter = (path) => layout.get(path) ?? "''";
  return {
    name: layout.name,
    column(field) {
      if (field === 'userName') return userNameSql(get, layout.hasIdentity);
      if (field === 'readOnly') return layout.readOnly;
      const path = FIELD_PATHS[field];
      return path === undefined ? undefined : layout.get(path);
    },
    anyAtPath(path, test): Condition {
      const [head = '', ...rest] = path;
      const json = layout.json(head);
      if (json !== undefined) {
        const keys = json.lower ? rest.map((k) => k.toLowerCase()) : rest;
        return { sql: anyInJson(json.text, keys, test) };
      }
      const column = rest.length === 0 ? layout.get([head]) : undefined;
      if (column === undefined) return { unsupported: `${path.join('.')}: (no such column)` };
      return { sql: `(${column} <> '' AND ${test(column)})` };
    },
    anyResource(kind, test) {
      const own =
        kind === 'resourceName'
          ? `any_match(coalesce(${layout.resources}, ARRAY[]), x -> coalesce(x.arn, '') <> '' AND ${test('x.arn')})`
          : `any_match(coalesce(${layout.resources}, ARRAY[]), x -> coalesce(x.arn, '') <> '' AND ${test("coalesce(x.type, '')")})`;
      const ors = [own];
      const source = get(['eventSource']);
      for (const part of ['requestParameters', 'responseElements']) {
        const json = layout.json(part)?.text;
        if (json === undefined) continue;
        for (const rule of RESOURCE_RULES) {
          const when =
            rule.source === undefined ? '' : `${source} = ${sqlString(rule.source)} AND `;
          const value = (v: string) =>
            kind === 'resourceName' ? test(v) : test(sqlString(rule.type));
          const key = sqlString(`$.${rule.key}`);
          const hit =
            rule.list === true
              ? `any_match(coalesce(TRY_CAST(json_extract(${json}, ${key}) AS ARRAY(VARCHAR)), ARRAY[]), v -> v <> '' AND ${value('v')})`
              : `coalesce(json_extract_scalar(${json}, ${key}), '') <> '' AND ${value(`json_extract_scalar(${json}, ${key})`)}`;
          ors.push(`(${when}${hit})`);
        }
      }
      const request = layout.json('requestParameters')?.text;
      if (kind === 'resourceName' && request !== undefined) {
        const arn = '"(arn:[^:"\\\\]+:[^:"\\\\]+:[^:"\\\\]*:[^:"\\\\]*:[^"\\\\]+)"';
        ors.push(
          `any_match(regexp_extract_all(coalesce(${request}, ''), ${sqlString(arn)}, 1), x -> ${test('x')})`,
        );
      }
      return { sql: `(${ors.join('\n  OR ')})` };
    },
    anyFile(test) {
      if (layout.file === undefined)
        return { unsupported: 'file: (the store keeps no file names)' };
      return { sql: test(layout.file) };
    },
    text(clause) {
      return { sql: `regexp_like(${layout.wholeText}, ${sqlString(wordPattern(clause))})` };
    },
    cidr(expr, range) {
      return `coalesce(contains(${sqlString(cidrText(range))}, TRY_CAST(${expr} AS IPADDRESS)), FALSE)`;
    },
    time: layout.time,
    timeLiteral: layout.timeLiteral,
    prelude: layout.prelude,
    eventColumns: layout.eventColumns,
  };
}
