import { describe, expect, it } from 'vitest';
import { countRowQuery, withClauseText, withCountBy, withoutCountBy } from './countBy';
import { withFieldValue, withoutClause } from './editQuery';
import { togglePick } from './facetPick';
import { withFileFilter } from './fileFilter';
import { expandSaved, lookupIn } from './expandSaved';
import { parseQuery } from './parseQuery';
import { printQuery } from './printQuery';
import type { Query } from './types';

function ok(text: string): Query {
  const outcome = parseQuery(text);
  if (!outcome.ok) throw new Error(`${text}: ${outcome.error.message}`);
  return outcome.query;
}

function error(text: string) {
  const outcome = parseQuery(text);
  if (outcome.ok) throw new Error(`${text}: parsed`);
  return { ...outcome.error.span, message: outcome.error.message };
}

describe('| count by', () => {
  it('reads one or two fields after any query, canonical names through the aliases', () => {
    expect(ok('| count by eventName')).toEqual({ clauses: [], countBy: ['eventName'] });
    expect(ok('  |count by user')).toEqual({ clauses: [], countBy: ['userName'] });
    const q = ok('errorCode:AccessDenied | COUNT BY user , EVENTNAME');
    expect(q.countBy).toEqual(['userName', 'eventName']);
    expect(q.clauses).toHaveLength(1);
    expect(ok('x | count by requestParameters.bucketName,ip').countBy).toEqual([
      'requestParameters.bucketName',
      'sourceIPAddress',
    ]);
    expect(ok('eventName:GetObject').countBy).toBeUndefined();
  });

  it('keeps a quoted or escaped | as a value or text', () => {
    expect(ok('"|" userName:a\\|b').countBy).toBeUndefined();
    expect(ok('a|b').countBy).toBeUndefined();
  });

  it.each([
    ['a |', 'Expected "count by <field>" after "|"', 2, 3],
    ['a | sort by x', 'Unknown "| sort": the only one is "| count by <field>"', 4, 8],
    ['| count', 'Expected "by <field>" after "count"', 6, 7],
    ['| count x', 'Expected "by" after "count", not "x"', 8, 9],
    ['| count by', 'Expected a field after "count by"', 8, 10],
    ['| count by a,', 'Missing field after ","', 12, 13],
    ['| count by a, b, c', 'count by takes at most 2 fields', 17, 18],
    ['| count by a..b', 'Invalid field name "a..b": empty path segment', 11, 15],
    ['| count by a b', 'Nothing may follow "count by": put filters before "|"', 13, 14],
    ['| count by a | count by b', 'Nothing may follow "count by": put filters before "|"', 13, 25],
    ['| count by tag', 'Cannot count by tag: it is not a field of the event', 11, 14],
    ['| count by file', 'Cannot count by file: it is not a field of the event', 11, 15],
  ])('%s: %s', (text, message, start, end) => {
    expect(error(text)).toEqual({ message, start, end });
  });

  it('prints back, and the printed text parses to the same query', () => {
    for (const text of [
      '| count by eventName',
      'errorCode:AccessDenied -"x y" | count by userName, eventName',
      'ip:10.0.0.0/8 |count by  requestParameters.bucketName',
    ]) {
      const q = ok(text);
      const printed = printQuery(q);
      expect(printed).toMatch(/ ?\| count by [^|]+$/);
      const again = ok(printed);
      expect(again.countBy).toEqual(q.countBy);
      expect(printQuery(again)).toBe(printed);
    }
    expect(printQuery(ok('a  | count by user,region'))).toBe('a | count by userName, awsRegion');
  });

  it('edits keep the trailing clause at the end', () => {
    const q = ok('eventName:x | count by userName');
    expect(printQuery(withFieldValue(q, 'user', 'alice', false))).toBe(
      'eventName:x userName:alice | count by userName',
    );
    expect(printQuery(togglePick(q, { field: 'awsRegion', value: '', exclude: false }))).toBe(
      'eventName:x -awsRegion:* | count by userName',
    );
    expect(printQuery(withoutClause(q, 0))).toBe('| count by userName');
    expect(printQuery(withFileFilter(q, [{ parts: ['a/b'] }]))).toBe(
      'eventName:x file:a/b | count by userName',
    );
    const expanded = expandSaved(
      ok('saved:s | count by eventName'),
      lookupIn([{ name: 's', q: 'a' }]),
    );
    expect(expanded.ok && printQuery(expanded.query)).toBe('a | count by eventName');
    expect(withClauseText('a | count by userName', 'requestParameters.x:"b c"')).toBe(
      'a requestParameters.x:"b c" | count by userName',
    );
    expect(withClauseText('a', 'b:c')).toBe('a b:c');
    expect(withClauseText('', 'b:c')).toBe('b:c');
    expect(printQuery(withoutCountBy(q))).toBe('eventName:x');
    expect(printQuery(withCountBy(ok('a'), ['region']))).toBe('a | count by awsRegion');
  });

  it('writes a row link as exact clauses AND-ed to the filter, (none) as -field:*', () => {
    const q = ok('userName:a,b | count by userName, eventName');
    expect(countRowQuery(q, ['userName', 'eventName'], ['a', 'Get*Object'])).toBe(
      'userName:a,b userName:a eventName:Get\\*Object',
    );
    expect(countRowQuery(ok('| count by errorCode'), ['errorCode'], [''])).toBe('-errorCode:*');
    expect(countRowQuery(ok('userName:a | count by userName'), ['userName'], ['a'])).toBe(
      'userName:a',
    );
    expect(countRowQuery(ok('| count by x.y'), ['x.y'], ['a b, c'])).toBe('x.y:"a b, c"');
  });
});
