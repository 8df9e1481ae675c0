import { TrinoSQL } from 'dt-sql-parser';
import { describe, expect, it } from 'vitest';
import { SQL_QUERIES } from '../../test/sqlQueries';
import { parseQuery } from '../querylang/parseQuery';
import { printSql } from './printSql';
import type { SqlView } from './types';

// Issue 18: every Athena and Lake text parses as Trino SQL. The parser is dt-sql-parser's TrinoSQL,
// an ANTLR grammar of Trino's own; node-sql-parser's Trino mode refused window functions, lambdas
// and casts that Athena runs.
const parser = new TrinoSQL();
const LAKE_ID = 'EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE';

function problems(sql: string): string[] {
  return parser.validate(sql).map((e) => `${e.startLine}:${e.startColumn} ${e.message}`);
}

function viewOf(q: string): SqlView {
  const parsed = parseQuery(q);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { query: parsed.query, from: Date.UTC(2023, 6, 10), to: Date.UTC(2023, 6, 11) };
}

describe('Athena and CloudTrail Lake SQL parse as Trino', () => {
  it.each([...SQL_QUERIES, 'errorCode:* | count by userName, eventName'])('%j', (q) => {
    const view = viewOf(q);
    const athena = printSql(view, 'athena', 'cloudtrail_logs');
    expect([q, problems(athena)]).toEqual([q, []]);
    // Lake writes the event data store ID bare (`FROM EXAMPLE-f852-…`, as AWS's examples do);
    // a Trino grammar reads the dashes as minus, so the check names it as one identifier.
    const lake = printSql(view, 'lake', LAKE_ID);
    expect(lake).toContain(`FROM ${LAKE_ID}`);
    expect([q, problems(lake.replace(`FROM ${LAKE_ID}`, 'FROM eds'))]).toEqual([q, []]);
  });

  it('finds a broken statement (the check can fail)', () => {
    expect(problems('SELECT FROM WHERE')).not.toEqual([]);
  });
});
