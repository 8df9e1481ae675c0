import { describe, expect, it } from 'vitest';
import { parseQuery } from './parseQuery';
import type { Clause, Query, QueryError, ValuePattern } from './types';

function ok(text: string): Query {
  const outcome = parseQuery(text);
  if (!outcome.ok) throw new Error(`${text}: ${outcome.error.message}`);
  return outcome.query;
}

function only(text: string): Clause {
  const [clause, extra] = ok(text).clauses;
  expect(extra).toBeUndefined();
  if (clause === undefined) throw new Error(`${text}: no clause`);
  return clause;
}

function values(text: string): readonly ValuePattern[] {
  const clause = only(text);
  if (clause.kind !== 'field') throw new Error(`${text}: not a field clause`);
  return clause.values;
}

function error(text: string): QueryError {
  const outcome = parseQuery(text);
  if (outcome.ok) throw new Error(`${text}: parsed`);
  return outcome.error;
}

const p = (...parts: string[]): ValuePattern => ({ parts });

describe('parseQuery', () => {
  it('parses the issue example into six clauses with exact spans', () => {
    const text =
      'eventName:AssumeRole userName:alice -errorCode:* sourceIPAddress:10.0.0.0/8 eventSource:iam.* "prod-invoices"';
    expect(ok(text).clauses).toEqual([
      field('eventName', [p('AssumeRole')], false, 0, 20),
      field('userName', [p('alice')], false, 21, 35),
      field('errorCode', [p('', '')], true, 36, 48),
      field('sourceIPAddress', [p('10.0.0.0/8')], false, 49, 75),
      field('eventSource', [p('iam.', '')], false, 76, 93),
      { kind: 'text', text: 'prod-invoices', negated: false, span: { start: 94, end: 109 } },
    ]);
  });

  it('treats empty and whitespace-only text as the empty query', () => {
    expect(parseQuery('')).toEqual({ ok: true, query: { clauses: [] } });
    expect(parseQuery(' \t\n ')).toEqual({ ok: true, query: { clauses: [] } });
  });

  it('keeps spans exact around extra whitespace', () => {
    const spans = ok('  a \t -b:c\n').clauses.map((c) => c.span);
    expect(spans).toEqual([
      { start: 2, end: 3 },
      { start: 6, end: 10 },
    ]);
  });

  it('parses JSON paths as typed and resolves known names and aliases', () => {
    expect(only('requestParameters.bucketName:prod-*')).toEqual(
      field('requestParameters.bucketName', [p('prod-', '')], false, 0, 35),
    );
    const path = 'userIdentity.sessionContext.sessionIssuer.userName:Admin';
    expect(only(path)).toMatchObject({ field: path.slice(0, -6), values: [p('Admin')] });
    expect(only('EVENTNAME:x')).toMatchObject({ field: 'eventName' });
    expect(only('ip:1.2.3.4')).toMatchObject({ field: 'sourceIPAddress' });
    expect(only('userIdentity.type:Root')).toMatchObject({ field: 'identityType' });
    expect(only('$x.@y_z-1:v')).toMatchObject({ field: '$x.@y_z-1' });
  });

  it('splits values on commas and negates the whole clause', () => {
    expect(only('-userName:alice,bob')).toEqual(
      field('userName', [p('alice'), p('bob')], true, 0, 19),
    );
  });

  it('separates field from value at the first colon only', () => {
    expect(values('sourceIPAddress:2001:db8::/32')).toEqual([p('2001:db8::/32')]);
    expect(values('eventTime:2024-01-01T00:00:00Z')).toEqual([p('2024-01-01T00:00:00Z')]);
    expect(values('a:-')).toEqual([p('-')]);
  });

  it('reads wildcards anywhere and escaped ones as literal', () => {
    expect(values('f:*a')).toEqual([p('', 'a')]);
    expect(values('f:a*b*c')).toEqual([p('a', 'b', 'c')]);
    expect(values('f:a\\*b')).toEqual([p('a*b')]);
    expect(values('f:"a*b"')).toEqual([p('a', 'b')]);
    expect(values('f:"a\\*b"')).toEqual([p('a*b')]);
  });

  it('reads quoted values, escapes and glued pieces', () => {
    expect(values('userAgent:"aws-cli/2.15 Python"')).toEqual([p('aws-cli/2.15 Python')]);
    expect(values('f:"a b",c')).toEqual([p('a b'), p('c')]);
    expect(values('f:"a,b"')).toEqual([p('a,b')]);
    expect(values('f:a\\,b,c')).toEqual([p('a,b'), p('c')]);
    expect(values('f:a\\ b')).toEqual([p('a b')]);
    expect(values('f:"say \\"hi\\""')).toEqual([p('say "hi"')]);
    expect(values('f:back\\\\slash')).toEqual([p('back\\slash')]);
    expect(values('f:pre"mid dle"post')).toEqual([p('premid dlepost')]);
    expect(values('f:trailing\\')).toEqual([p('trailing\\')]);
    expect(values('f:""')).toEqual([p('')]);
  });

  it('reads bare words and quoted phrases as free text', () => {
    expect(only('-word')).toEqual({
      kind: 'text',
      text: 'word',
      negated: true,
      span: { start: 0, end: 5 },
    });
    expect(only('"a:b"')).toMatchObject({ kind: 'text', text: 'a:b', negated: false });
    expect(only('-"two words"')).toMatchObject({ kind: 'text', text: 'two words', negated: true });
    expect(only('a*b')).toMatchObject({ kind: 'text', text: 'a*b' });
    expect(only('a\\:b')).toMatchObject({ kind: 'text', text: 'a:b' });
    expect(only('a"b:c"')).toMatchObject({ kind: 'text', text: 'ab:c' });
    expect(only('"a":b')).toMatchObject({ kind: 'text', text: 'a:b' });
    expect(only('--x')).toMatchObject({ kind: 'text', text: '-x', negated: true });
  });

  it('reads a * at either end of free text as "may continue a word there"', () => {
    expect(only('admin*')).toEqual({
      kind: 'text',
      text: 'admin',
      negated: false,
      span: { start: 0, end: 6 },
      anyAfter: true,
    });
    expect(only('-*invoices')).toMatchObject({ text: 'invoices', negated: true, anyBefore: true });
    expect(only('*"prod inv"*')).toMatchObject({
      text: 'prod inv',
      anyBefore: true,
      anyAfter: true,
    });
    expect(only('\\*admin')).not.toHaveProperty('anyBefore');
    expect(only('\\*admin')).toMatchObject({ text: '*admin' });
    const error = parseQuery('*');
    expect(error.ok ? undefined : error.error.message).toBe('Nothing to search for around "*"');
  });

  it.each([
    ['"abc', 'Unterminated quote', 0, 4],
    ['a f:"x y', 'Unterminated quote', 4, 8],
    ['"a\\"', 'Unterminated quote', 0, 4],
    ['eventName:', 'Missing value after "eventName:"', 0, 10],
    ['-eventName: x', 'Missing value after "eventName:"', 1, 11],
    ['eventName:a,,b', 'Missing value after ","', 11, 12],
    ['eventName:a,b,', 'Missing value after ","', 13, 14],
    ['eventName:a, b', 'Missing value after ","', 11, 12],
    [':foo', 'Field name expected before ":"', 0, 1],
    ['-:foo', 'Field name expected before ":"', 1, 2],
    ['1abc:x', 'Invalid field name "1abc": start with a letter, _, $ or @', 0, 4],
    ['x --a:b', 'Invalid field name "-a": start with a letter, _, $ or @', 3, 5],
    ['a/b:x', 'Invalid field name "a/b": use letters, digits and _ . $ @ -', 0, 3],
    ['a"b":x', 'Invalid field name "a"b"": use letters, digits and _ . $ @ -', 0, 4],
    ['a..b:x', 'Invalid field name "a..b": empty path segment', 0, 4],
    ['a.:x', 'Invalid field name "a.": empty path segment', 0, 2],
    ['-', 'Expected a word or field:value after "-"', 0, 1],
    ['a - b', 'Expected a word or field:value after "-"', 2, 3],
    ['""', 'Nothing between the quotes', 0, 2],
    ['-""', 'Nothing between the quotes', 1, 3],
  ])('rejects %j: %s', (text, message, start, end) => {
    expect(error(text)).toEqual({ message, span: { start, end } });
  });
});

function field(
  name: string,
  vals: ValuePattern[],
  negated: boolean,
  start: number,
  end: number,
): Clause {
  return { kind: 'field', field: name, values: vals, negated, span: { start, end } };
}
