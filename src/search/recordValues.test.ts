import { describe, expect, it } from 'vitest';
import { parseQuery } from '../querylang/parseQuery';
import { compileRecordTest } from './compileFilter';
import { recordHasText, textMatcher, valuesAtPath } from './recordValues';

describe('textMatcher', () => {
  it('matches whole words case-insensitively, with * opening an edge', () => {
    const admin = textMatcher('admin', false, false);
    expect(admin('role/Admin')).toBe(true);
    expect(admin('Administrator')).toBe(false);
    expect(admin('SuperAdmin')).toBe(false);
    expect(textMatcher('admin', false, true)('Administrator')).toBe(true);
    expect(textMatcher('admin', true, false)('SuperAdmin')).toBe(true);
    expect(textMatcher('10.8.8.10', false, false)('10.8.8.10')).toBe(true);
    expect(textMatcher('10.8.8.10', false, false)('110.8.8.101')).toBe(false);
    expect(textMatcher('a.b*c(d)', false, false)('x a.b*c(d) y')).toBe(true);
    expect(textMatcher('/admin', false, false)('role/admin')).toBe(true);
    expect(textMatcher('café', false, false)('Un CAFÉ noir')).toBe(true);
    expect(textMatcher('éte', false, false)('été')).toBe(false);
  });

  it('searches keys and scalar values, however deep', () => {
    let deep: unknown = 'needle';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(recordHasText({ a: deep }, textMatcher('needle', false, false))).toBe(true);
    expect(recordHasText({ NeedleKey: 1 }, textMatcher('needlekey', false, false))).toBe(true);
    expect(recordHasText({ n: 1.5e9 }, textMatcher('1500000000', false, false))).toBe(true);
    expect(recordHasText({ b: false }, textMatcher('FALSE', false, false))).toBe(true);
  });
});

describe('valuesAtPath', () => {
  // A SendCommand and a ModifyDBSnapshotAttribute, cut to the lists the issue names.
  const sendCommand = {
    requestParameters: {
      instanceIds: ['i-05c30218156bcc246', 'i-0aaaabbbbccccdddd'],
      valuesToAdd: ['193672423079'],
      ports: [22, 443],
      grid: [
        ['a', ['b']],
        [true, null],
      ],
      targets: [{ key: 'InstanceIds', values: ['i-1', 'i-2'] }],
    },
  };
  const matches = (q: string) => {
    const parsed = parseQuery(q);
    if (!parsed.ok) throw new Error(`bad query ${q}`);
    return compileRecordTest(parsed.query)?.(sendCommand);
  };

  it('matches a path clause on any element of a list of plain values, at every depth', () => {
    expect(matches('requestParameters.instanceIds:i-05c30218156bcc246')).toBe(true);
    expect(matches('requestParameters.instanceIds:i-0aaaabbbbccccdddd')).toBe(true);
    expect(matches('requestParameters.instanceIds:i-0*')).toBe(true);
    expect(matches('requestParameters.valuesToAdd:193672423079')).toBe(true);
    expect(matches('requestParameters.ports:443')).toBe(true);
    expect(matches('requestParameters.grid:b')).toBe(true);
    expect(matches('requestParameters.grid:true')).toBe(true);
    expect(matches('requestParameters.grid:null')).toBe(true);
    expect(matches('requestParameters.targets.values:i-2')).toBe(true);
    expect(matches('-requestParameters.instanceIds:i-05c30218156bcc246')).toBe(false);
    expect(matches('requestParameters.instanceIds:i-9')).toBe(false);
    expect(matches('requestParameters.ports:44')).toBe(false);
  });

  it('still reads a whole list, and an empty one, as present', () => {
    expect(valuesAtPath(sendCommand, ['requestParameters', 'ports'])).toContain('[22,443]');
    expect(matches('requestParameters.instanceIds:*')).toBe(true);
    expect(valuesAtPath({ a: [] }, ['a'])).toEqual(['[]']);
    expect(valuesAtPath({ a: { b: [] } }, ['a', 'b', 'c'])).toEqual([]);
    expect(valuesAtPath({ a: [[1, [2]], { b: 3 }] }, ['a'])).toEqual([
      '[[1,[2]],{"b":3}]',
      '1',
      '2',
      '{"b":3}',
    ]);
    let deep: unknown = 'needle';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(valuesAtPath({ a: deep }, ['a']).slice(1)).toEqual(['needle']);
  });
});
