import { describe, expect, it } from 'vitest';
import { resolveField } from './fields';
import { exactFileClause, samePatterns, selectedFilePatterns, withFileFilter } from './fileFilter';
import { parseQuery } from './parseQuery';
import { printQuery } from './printQuery';
import type { Query } from './types';

const parse = (text: string): Query => {
  const outcome = parseQuery(text);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.query;
};

const DAY = { parts: ['', '111122223333_CloudTrail', '_us-east-1_20240102T', ''] };

describe('the file field', () => {
  it('is its own source, in any case, never a JSON path', () => {
    expect(resolveField('file')).toEqual({ name: 'file', source: { kind: 'file' } });
    expect(resolveField('FILE').name).toBe('file');
    expect(parse('File:a/*').clauses[0]).toMatchObject({ field: 'file' });
  });

  it('prints exact paths so that they parse back to the same path', () => {
    for (const path of [
      'AWSLogs/1/CloudTrail/us-east-1/2024/01/02/x.json.gz',
      'exports/copy of a log.json',
      'odd/a*b,c"d\\e.json',
    ]) {
      const clause = parse(exactFileClause(path)).clauses[0];
      expect(clause).toMatchObject({ kind: 'field', field: 'file', values: [{ parts: [path] }] });
    }
    expect(exactFileClause('exports/copy of a log.json')).toBe('file:"exports/copy of a log.json"');
  });
});

describe('withFileFilter', () => {
  it('replaces the file clause and keeps the other clauses', () => {
    const q = parse('eventName:Decrypt file:old/* -file:noise/* admin');
    expect(printQuery(withFileFilter(q, [DAY]))).toBe(
      'eventName:Decrypt -file:noise/* admin file:*111122223333_CloudTrail*_us-east-1_20240102T*',
    );
    expect(printQuery(withFileFilter(q, undefined))).toBe('eventName:Decrypt -file:noise/* admin');
    expect(printQuery(withFileFilter(parse(''), [{ parts: ['a b/', ''] }]))).toBe('file:"a b/*"');
  });

  it('reads back the selected patterns, to show which node is selected', () => {
    const q = withFileFilter(parse('eventName:Decrypt'), [DAY]);
    const selected = selectedFilePatterns(parse(printQuery(q)));
    expect(selected && samePatterns(selected, [DAY])).toBe(true);
    expect(
      samePatterns([DAY], [{ parts: ['', '111122223333_cloudtrail', '_US-EAST-1_20240102T', ''] }]),
    ).toBe(true);
    expect(samePatterns([DAY], [{ parts: ['', '111122223333_CloudTrail', ''] }])).toBe(false);
    expect(selectedFilePatterns(parse('file:a file:b'))).toBeUndefined();
    expect(selectedFilePatterns(parse('-file:a'))).toBeUndefined();
  });
});
