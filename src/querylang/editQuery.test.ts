import { describe, expect, it } from 'vitest';
import {
  fieldValues,
  hasFieldValue,
  withFieldValue,
  withoutClause,
  withoutFieldValue,
} from './editQuery';
import { parseQuery } from './parseQuery';
import { printQuery } from './printQuery';
import type { Query } from './types';

function q(text: string): Query {
  const outcome = parseQuery(text);
  if (!outcome.ok) throw new Error(`${text}: ${outcome.error.message}`);
  return outcome.query;
}

describe('withFieldValue', () => {
  it('appends a new clause when the field has none of that polarity', () => {
    expect(printQuery(withFieldValue(q(''), 'eventName', 'AssumeRole', false))).toBe(
      'eventName:AssumeRole',
    );
    expect(printQuery(withFieldValue(q('userName:alice'), 'userName', 'bob', true))).toBe(
      'userName:alice -userName:bob',
    );
  });

  it('ORs the value into the first clause of that field and polarity', () => {
    const query = q('x -userName:carol userName:alice eventName:A userName:dave');
    expect(printQuery(withFieldValue(query, 'userName', 'bob', false))).toBe(
      'x -userName:carol userName:alice,bob eventName:A userName:dave',
    );
  });

  it('resolves aliases and escapes the value into one literal part', () => {
    const edited = withFieldValue(q('user:alice'), 'user', 'a*b "c",d', false);
    expect(edited.clauses[0]).toEqual({
      kind: 'field',
      field: 'userName',
      values: [{ parts: ['alice'] }, { parts: ['a*b "c",d'] }],
      negated: false,
      span: { start: 0, end: 0 },
    });
    expect(printQuery(edited)).toBe('userName:alice,"a\\*b \\"c\\",d"');
  });

  it('does not repeat a value already there, whatever its case', () => {
    expect(printQuery(withFieldValue(q('userName:Alice'), 'userName', 'alice', false))).toBe(
      'userName:Alice',
    );
  });

  it('does not mutate its input', () => {
    const query = q('userName:alice');
    withFieldValue(query, 'userName', 'bob', false);
    expect(printQuery(query)).toBe('userName:alice');
  });
});

describe('withoutFieldValue', () => {
  it('removes the value from every clause of that polarity, dropping emptied clauses', () => {
    const query = q('userName:alice,bob -userName:alice x userName:ALICE');
    expect(printQuery(withoutFieldValue(query, 'userName', 'alice', false))).toBe(
      'userName:bob -userName:alice x',
    );
    expect(printQuery(withoutFieldValue(query, 'user', 'alice', true))).toBe(
      'userName:alice,bob x userName:ALICE',
    );
  });

  it('leaves wildcard values alone', () => {
    expect(printQuery(withoutFieldValue(q('eventName:Get*,Put'), 'eventName', 'Get*', false))).toBe(
      'eventName:Get*,Put',
    );
  });

  it('keeps the spans of untouched clauses', () => {
    const edited = withoutFieldValue(q('a:1 b:2,3'), 'b', '2', false);
    expect(edited.clauses.map((c) => c.span)).toEqual([
      { start: 0, end: 3 },
      { start: 0, end: 0 },
    ]);
  });
});

describe('withoutClause', () => {
  it('drops the clause at the index only', () => {
    expect(printQuery(withoutClause(q('a b c'), 1))).toBe('a c');
    expect(printQuery(withoutClause(q('a b c'), 3))).toBe('a b c');
  });
});

describe('fieldValues', () => {
  it('lists exact values of that field and polarity, once each, as typed', () => {
    const query = q('userName:alice,bob* -userName:carol user:Alice,dave eventName:erin');
    expect(fieldValues(query, 'userName', false)).toEqual(['alice', 'dave']);
    expect(fieldValues(query, 'USER', true)).toEqual(['carol']);
    expect(fieldValues(query, 'awsRegion', false)).toEqual([]);
  });

  it('reads JSON paths case-sensitively, as the paths are', () => {
    const query = q('requestParameters.bucketName:prod');
    expect(fieldValues(query, 'requestParameters.bucketName', false)).toEqual(['prod']);
    expect(fieldValues(query, 'requestparameters.bucketname', false)).toEqual([]);
  });
});

describe('hasFieldValue', () => {
  it('finds an exact value of that field and polarity, ignoring case', () => {
    const query = q('userName:alice,bob* -eventName:Get');
    expect(hasFieldValue(query, 'user', 'ALICE', false)).toBe(true);
    expect(hasFieldValue(query, 'userName', 'alice', true)).toBe(false);
    expect(hasFieldValue(query, 'userName', 'bob', false)).toBe(false);
    expect(hasFieldValue(query, 'userName', 'bob*', false)).toBe(false);
    expect(hasFieldValue(query, 'eventName', 'get', true)).toBe(true);
  });
});
