import { describe, expect, it } from 'vitest';
import { parseQuery } from './parseQuery';
import { printQuery } from './printQuery';
import type { Clause, Query } from './types';

/** The query without spans: printing moves text around, so only the meaning can round-trip. */
function stripSpans(query: Query): unknown[] {
  return query.clauses.map((clause: Clause) => {
    const { span, ...rest } = clause;
    expect(span.end).toBeGreaterThan(span.start);
    return rest;
  });
}

function parsed(text: string): Query {
  const outcome = parseQuery(text);
  if (!outcome.ok) throw new Error(`${text}: ${outcome.error.message}`);
  return outcome.query;
}

function expectRoundTrip(text: string): void {
  const query = parsed(text);
  expect(stripSpans(parsed(printQuery(query))), text).toEqual(stripSpans(query));
}

describe('printQuery', () => {
  it.each([
    ['', ''],
    ['  eventName:AssumeRole   userName:alice ', 'eventName:AssumeRole userName:alice'],
    ['EVENTNAME:x user:bob ip:10.0.0.0/8', 'eventName:x userName:bob sourceIPAddress:10.0.0.0/8'],
    ['f:"plain"', 'f:plain'],
    ['f:"a b",c', 'f:"a b",c'],
    ['f:a\\ b', 'f:"a b"'],
    ['f:a\\,b', 'f:"a,b"'],
    ['f:a\\"b', 'f:"a\\"b"'],
    ['f:a\\*b', 'f:a\\*b'],
    ['f:"a*b"', 'f:a*b'],
    ['f:a\\\\b', 'f:a\\\\b'],
    ['f:""', 'f:""'],
    ['f:a\\:b', 'f:a:b'],
    ['"prod-invoices"', 'prod-invoices'],
    ['"two words"', '"two words"'],
    ['"a:b"', '"a:b"'],
    ['"-x"', '"-x"'],
    ['--x', '-"-x"'],
    ['a\\*b', 'a*b'],
    ['"say \\"hi\\""', '"say \\"hi\\""'],
    ['a,b', 'a,b'],
    ['admin*', 'admin*'],
    ['*"prod inv"*', '*"prod inv"*'],
    ['"*x"', '*x'],
    ['\\*', '\\*'],
  ])('prints %j as %j', (text, canonical) => {
    expect(printQuery(parsed(text))).toBe(canonical);
    expectRoundTrip(text);
  });

  it.each([
    'eventName:AssumeRole userName:alice -errorCode:* sourceIPAddress:10.0.0.0/8 eventSource:iam.* prod-invoices',
    'requestParameters.bucketName:prod-* userIdentity.sessionContext.sessionIssuer.userName:Admin',
    'sourceIPAddress:2001:db8::/32,::ffff:1.2.3.4 eventTime:2024-01-01T00:00:00Z',
    '-userName:alice,bob userAgent:"aws-cli/2.15 Python" -"access denied" *a**b*',
    'f:\\\\ g:"\\"" h:"a,b" x\\\\y',
  ])('prints canonical text %j back unchanged', (canonical) => {
    expect(printQuery(parsed(canonical))).toBe(canonical);
  });

  it('round-trips every query that random text parses to', () => {
    // A seeded generator over the characters that matter to the grammar, so a failure reproduces.
    const alphabet = ['a', 'B', '1', '.', '-', ':', ',', '*', '"', '\\', ' ', '\t', '/', 'é', '$'];
    let seed = 12345;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let parsedCount = 0;
    for (let i = 0; i < 5000; i++) {
      let text = '';
      for (let j = next(16); j > 0; j--) text += alphabet[next(alphabet.length)] ?? '';
      const outcome = parseQuery(text);
      if (!outcome.ok) continue;
      parsedCount += 1;
      const canonical = printQuery(outcome.query);
      expect(stripSpans(parsed(canonical)), JSON.stringify(text)).toEqual(
        stripSpans(outcome.query),
      );
      expect(printQuery(parsed(canonical))).toBe(canonical);
    }
    // Guards against a generator that only ever produces errors.
    expect(parsedCount).toBeGreaterThan(1000);
  });
});
