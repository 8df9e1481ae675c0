import { describe, expect, it } from 'vitest';
import { record, SAMPLE } from '../../../test/sampleRecords';
import { stringifyJson } from '../../lib/stringifyJson';
import { flattenPaths, MAX_DEPTH } from './flattenPaths';

/** `levels` objects nested under key `a`, with a string at the bottom. */
function nested(levels: number): unknown {
  let deep: unknown = 'bottom';
  for (let i = 0; i < levels; i++) deep = { a: deep };
  return deep;
}

const texts = (value: unknown) =>
  Object.fromEntries([...flattenPaths(value).leaves].map(([path, leaf]) => [path, leaf.text]));

describe('flattenPaths', () => {
  it('lists every leaf of a real record with dotted paths, in document order', () => {
    const flat = flattenPaths(record(SAMPLE.invictusTrail, '68c99c97-c191-4329-b210-82ca8631066d'));
    expect(flat.truncated).toBe(false);
    const paths = [...flat.leaves.keys()];
    expect(paths.slice(0, 3)).toEqual([
      'eventVersion',
      'userIdentity.type',
      'userIdentity.principalId',
    ]);
    expect(flat.leaves.get('userIdentity.arn')?.text).toBe(
      'arn:aws:iam::123837392027:user/bert-jan',
    );
    expect(flat.leaves.get('requestParameters.bucketName')?.text).toBe(
      'stratus-red-team-ctlr-bucket-zqfsvooxqj',
    );
    // Not identifiers: JSON-quoted in brackets, as the JSON tree's "Copy path" writes them.
    expect(flat.leaves.get('requestParameters["x-amz-acl"]')?.text).toBe('private');
    // Containers are walked, not listed; null and other scalars are JSON text with their kind.
    expect(flat.leaves.has('userIdentity')).toBe(false);
    expect(flat.leaves.get('responseElements')).toMatchObject({ kind: 'null', text: 'null' });
    expect(flat.leaves.get('readOnly')).toMatchObject({ kind: 'boolean', text: 'false' });
    expect(flat.leaves.get('additionalEventData.bytesTransferredIn')).toMatchObject({
      kind: 'number',
      text: '0',
    });
  });

  it('indexes arrays and keeps empty containers as leaves', () => {
    const rec = record(SAMPLE.snitchOrg, '2bf4ef67-66d9-3597-a68b-2d9272fc4e27');
    const flat = flattenPaths(rec);
    expect(flat.leaves.get('resources[0].ARN')).toMatchObject({
      text: 'arn:aws:s3:::aws-cloudtrail-logs-222222222222-abcdefab',
      segments: ['resources', 0, 'ARN'],
    });
    expect(flat.leaves.get('requestParameters.acl')).toMatchObject({ kind: 'string', text: '' });
    expect(texts({ a: {}, b: [], c: [1, [2]] })).toEqual({
      a: '{}',
      b: '[]',
      'c[0]': '1',
      'c[1][0]': '2',
    });
  });

  it('keeps hostile keys as plain paths', () => {
    const hostile: unknown = JSON.parse('{"__proto__":{"x":1},"constructor":"c","":"empty"}');
    expect(texts(hostile)).toEqual({ '__proto__.x': '1', constructor: 'c', '[""]': 'empty' });
  });

  it('walks 10,000 levels without recursion and shows what is past the limit as JSON', () => {
    const flat = flattenPaths(nested(10_000));
    expect(flat.leaves.size).toBe(1);
    const [leaf] = flat.leaves.values();
    expect(leaf?.kind).toBe('deep');
    expect(leaf?.segments).toHaveLength(MAX_DEPTH);
    expect(leaf?.path).toBe(Array.from({ length: MAX_DEPTH }, () => 'a').join('.'));
    const rest = 10_000 - MAX_DEPTH;
    expect(leaf?.text).toBe(`${'{"a":'.repeat(rest)}"bottom"${'}'.repeat(rest)}`);
  });

  it('a shallow tree within the limit is walked to its leaves', () => {
    expect(texts(nested(3))).toEqual({ 'a.a.a': 'bottom' });
    expect(texts(nested(MAX_DEPTH))).toEqual({
      [Array.from({ length: MAX_DEPTH }, () => 'a').join('.')]: 'bottom',
    });
  });

  it('stops after maxLeaves and says so', () => {
    const big = { items: Array.from({ length: 50 }, (_, i) => i) };
    const flat = flattenPaths(big, MAX_DEPTH, 10);
    expect(flat.truncated).toBe(true);
    expect([...flat.leaves.keys()]).toEqual(Array.from({ length: 10 }, (_, i) => `items[${i}]`));
  });

  it('prints a cut subtree as compact JSON, as JSON.stringify would', () => {
    const value = { a: [1, 'two', null, true, {}, []], 'k"ey': { '': -0.5 } };
    expect(stringifyJson(value)).toBe(JSON.stringify(value));
    expect(stringifyJson('x\n"y"')).toBe(JSON.stringify('x\n"y"'));
  });

  it('a scalar root is one leaf at the empty path', () => {
    expect(texts('x')).toEqual({ '': 'x' });
  });
});
