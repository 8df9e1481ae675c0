import { describe, expect, it } from 'vitest';
import { ARRAY_LIMIT, childPath, containerPaths, flattenJson } from './flattenJson';

const record = {
  eventName: 'PutBucketPolicy',
  requestParameters: { bucketName: 'prod-invoices', 'x-amz-acl': '' },
  responseElements: null,
  resources: [{ ARN: 'arn:aws:s3:::prod-invoices' }],
  sessionIssuer: {},
};

describe('flattenJson', () => {
  it('builds dotted and bracketed paths', () => {
    expect(childPath('', 'requestParameters')).toBe('requestParameters');
    expect(childPath('requestParameters', 'bucketName')).toBe('requestParameters.bucketName');
    expect(childPath('resources', 0)).toBe('resources[0]');
    expect(childPath('requestParameters', 'x-amz-acl')).toBe('requestParameters["x-amz-acl"]');
  });

  it('shows only expanded containers, in document order', () => {
    const rows = flattenJson(record, new Set(['', 'resources']));
    expect(rows.map((r) => r.path)).toEqual([
      '',
      'eventName',
      'requestParameters',
      'responseElements',
      'resources',
      'resources[0]',
      'sessionIssuer',
    ]);
  });

  it('tells null, empty string and empty object apart', () => {
    const rows = flattenJson(record, containerPaths(record, 5));
    const byPath = new Map(rows.map((r) => [r.path, r]));
    expect(byPath.get('responseElements')).toMatchObject({ kind: 'null' });
    expect(byPath.get('requestParameters["x-amz-acl"]')).toMatchObject({
      kind: 'string',
      value: '',
    });
    expect(byPath.get('sessionIssuer')).toMatchObject({
      kind: 'object',
      childCount: 0,
      expanded: false,
    });
  });

  it('caps long arrays with a "more" row unless shown in full', () => {
    const big = { items: Array.from({ length: ARRAY_LIMIT + 50 }, (_, i) => i) };
    const capped = flattenJson(big, new Set(['', 'items']));
    expect(capped.at(-1)).toEqual({ type: 'more', path: 'items', depth: 2, hidden: 50 });
    expect(flattenJson(big, new Set(['', 'items']), new Set(['items']))).toHaveLength(
      ARRAY_LIMIT + 52,
    );
  });

  it('survives 10,000-deep nesting without recursion', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    const expanded = containerPaths(deep, 200);
    expect(expanded.size).toBe(201);
    const rows = flattenJson(deep, expanded);
    expect(rows).toHaveLength(202);
    expect(rows.at(-1)).toMatchObject({ depth: 201, kind: 'object', expanded: false });
  });
});
