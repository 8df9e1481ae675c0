import { describe, expect, it } from 'vitest';
import { fieldValues } from './editQuery';
import { parseQuery } from './parseQuery';
import { cellQuery } from './cellQuery';

describe('cellQuery', () => {
  it('names the account and Region exactly', () => {
    expect(cellQuery('111122223333', 'us-east-1')).toBe(
      'recipientAccountId:111122223333 awsRegion:us-east-1',
    );
  });

  it('asks for the field to be absent when the events carry none', () => {
    expect(cellQuery('', 'us-east-1')).toBe('-recipientAccountId:* awsRegion:us-east-1');
    expect(cellQuery('111122223333', '')).toBe('recipientAccountId:111122223333 -awsRegion:*');
  });

  it('quotes a hostile value so it reads back as itself', () => {
    const region = 'eu-west-1,"x" OR *';
    const parsed = parseQuery(cellQuery('111122223333', region));
    if (!parsed.ok) throw new Error('does not parse');
    expect(fieldValues(parsed.query, 'awsRegion', false)).toEqual([region]);
    expect(parsed.query.clauses).toHaveLength(2);
  });
});
