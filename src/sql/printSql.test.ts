import { describe, expect, it } from 'vitest';
import { parseQuery } from '../querylang/parseQuery';
import { printSql } from './printSql';
import type { SqlDialect } from './types';

function sql(q: string, dialect: SqlDialect, source = 'cloudtrail_logs'): string {
  const parsed = parseQuery(q);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return printSql({ query: parsed.query }, dialect, source);
}

describe('printSql', () => {
  it('prints each field clause through the dialect, case ignored', () => {
    expect(sql('eventName:AssumeRole', 'athena')).toContain(
      "lower(coalesce(eventname, '')) = 'assumerole'",
    );
    expect(sql('eventName:AssumeRole', 'lake', 'eds-1')).toContain(
      "lower(coalesce(CAST(eventName AS VARCHAR), '')) = 'assumerole'",
    );
    expect(sql('eventSource:iam.*', 'athena')).toContain(
      "lower(coalesce(eventsource, '')) LIKE 'iam.%' ESCAPE '\\'",
    );
    expect(sql('ip:10.0.0.0/8', 'athena')).toContain(
      "contains('10.0.0.0/8', TRY_CAST(coalesce(sourceipaddress, '') AS IPADDRESS))",
    );
    expect(sql('requestParameters.bucketName:x', 'athena')).toContain(
      "json_extract(requestparameters, '$.bucketName')",
    );
    expect(sql('-errorCode:*', 'duckdb', 'AWSLogs/**/*.json.gz')).toContain(
      "NOT (coalesce(CASE WHEN json_type(r, '$.errorCode') = 'VARCHAR'",
    );
  });

  it('makes every value a literal: a quote in a value or a source cannot end the string', () => {
    const text = sql(`userName:"x'; DROP TABLE t; --"`, 'duckdb', "a'b.json.gz");
    expect(text).toContain(`'x''; drop table t; --'`);
    expect(text).toContain(`read_json('a''b.json.gz'`);
    expect(sql('eventName:x', 'lake', 'x; DROP')).toContain('FROM EVENT_DATA_STORE_ID');
    expect(sql('eventName:x', 'athena', 'db."t')).toContain('FROM "db"."""t"');
  });

  it('names what it cannot express, and what it only approximates', () => {
    const text = sql('tag:phishing rule:* eventName:x', 'athena');
    expect(text).toContain('-- Not expressed: tag:');
    expect(text).toContain('-- Not expressed: rule:');
    expect(text).not.toContain('phishing');
    expect(sql('resourceType:AWS::IAM::Role', 'duckdb')).toContain('-- Approximate: resourceName');
    expect(sql('file:x', 'lake', 'eds-1')).toContain('-- Not expressed: file:');
  });

  it('prints count by as GROUP BY, most events first', () => {
    const text = sql('errorCode:* | count by userName', 'athena');
    expect(text).toContain('count(*) AS events');
    expect(text).toMatch(/GROUP BY lower\(coalesce\(nullif\(coalesce\(useridentity\.username/);
    expect(text).toContain('ORDER BY events DESC, value1');
  });
});
