import { describe, expect, it } from 'vitest';
import {
  CHILD_LIMIT,
  childPath,
  copyText,
  DEFAULT_EXPAND_LEVELS,
  EXPAND_ALL_LEVELS,
  expandedPaths,
  flattenJson,
  leafValue,
  treeKeyAction,
} from './flattenJson';
import type { JsonRow } from './flattenJson';

const record = {
  eventName: 'PutBucketPolicy',
  requestParameters: { bucketName: 'prod-invoices', 'x-amz-acl': '', nested: { deeper: { x: 1 } } },
  responseElements: null,
  resources: [{ ARN: 'arn:aws:s3:::prod-invoices' }],
  tags: { 'aws:cloudformation': 'stack' },
  sessionIssuer: {},
  flags: [],
  readOnly: false,
  count: 3,
};

const paths = (rows: JsonRow[]) => rows.map((r) => (r.type === 'more' ? `more:${r.path}` : r.path));
const byPath = (rows: JsonRow[]) => new Map(rows.map((r) => [`${r.type}:${r.path}`, r]));

/** `levels` objects nested under key `a`, with a string at the bottom. */
function nested(levels: number): unknown {
  let deep: unknown = 'bottom';
  for (let i = 0; i < levels; i++) deep = { a: deep };
  return deep;
}

describe('childPath', () => {
  it('dots identifiers, brackets indexes and JSON-quotes other keys', () => {
    expect(childPath('', 'requestParameters')).toBe('requestParameters');
    expect(childPath('requestParameters', 'bucketName')).toBe('requestParameters.bucketName');
    expect(childPath('', 0)).toBe('[0]');
    expect(childPath('resources[0]', 'ARN')).toBe('resources[0].ARN');
    expect(childPath('tags', 'aws:cloudformation')).toBe('tags["aws:cloudformation"]');
    expect(childPath('', '0')).toBe('["0"]');
    expect(childPath('a', 'with "quote"')).toBe('a["with \\"quote\\""]');
    expect(childPath('a', '')).toBe('a[""]');
  });
});

describe('flattenJson', () => {
  it('lists only the children of expanded containers, in document order, with paths', () => {
    const rows = flattenJson(record, new Set(['', 'resources', 'resources[0]', 'tags']));
    expect(paths(rows)).toEqual([
      '',
      'eventName',
      'requestParameters',
      'responseElements',
      'resources',
      'resources[0]',
      'resources[0].ARN',
      'tags',
      'tags["aws:cloudformation"]',
      'sessionIssuer',
      'flags',
      'readOnly',
      'count',
    ]);
    const map = byPath(rows);
    expect(map.get('node:requestParameters')).toMatchObject({ expanded: false, childCount: 3 });
    expect(map.get('node:resources[0]')).toMatchObject({
      depth: 2,
      label: '0',
      labelIsIndex: true,
      expanded: true,
    });
    expect(map.get('node:resources[0].ARN')).toMatchObject({
      depth: 3,
      label: 'ARN',
      labelIsIndex: false,
      kind: 'string',
      text: 'arn:aws:s3:::prod-invoices',
    });
  });

  it('shows only the root row when nothing is expanded', () => {
    expect(flattenJson(record, new Set())).toEqual([
      expect.objectContaining({ type: 'node', path: '', depth: 0, childCount: 9, expanded: false }),
    ]);
  });

  it('tells null, empty string, empty object and empty array apart', () => {
    const map = byPath(flattenJson(record, new Set(['', 'requestParameters'])));
    expect(map.get('node:responseElements')).toMatchObject({ kind: 'null', text: 'null' });
    expect(map.get('node:requestParameters["x-amz-acl"]')).toMatchObject({
      kind: 'string',
      text: '',
      value: '',
    });
    // An empty container never counts as expanded, even when its path is in the set.
    expect(flattenJson({ e: {} }, new Set(['', 'e']))[1]).toMatchObject({
      kind: 'object',
      childCount: 0,
      expanded: false,
    });
    expect(map.get('node:flags')).toMatchObject({ kind: 'array', childCount: 0 });
    expect(map.get('node:readOnly')).toMatchObject({ kind: 'boolean', text: 'false' });
    expect(map.get('node:count')).toMatchObject({ kind: 'number', text: '3' });
  });

  it('caps large arrays and objects with a "more" row unless shown in full', () => {
    const big = { items: Array.from({ length: CHILD_LIMIT + 50 }, (_, i) => i) };
    const capped = flattenJson(big, new Set(['', 'items']));
    expect(capped).toHaveLength(CHILD_LIMIT + 3);
    expect(capped.at(-2)).toMatchObject({ path: `items[${CHILD_LIMIT - 1}]` });
    expect(capped.at(-1)).toEqual({
      type: 'more',
      path: 'items',
      depth: 2,
      shown: CHILD_LIMIT,
      total: CHILD_LIMIT + 50,
    });
    const all = flattenJson(big, new Set(['', 'items']), new Set(['items']));
    expect(all).toHaveLength(CHILD_LIMIT + 52);
    expect(all.some((r) => r.type === 'more')).toBe(false);

    const wide = Object.fromEntries(
      Array.from({ length: CHILD_LIMIT + 1 }, (_, i) => [`k${i}`, i]),
    );
    expect(flattenJson(wide, new Set([''])).at(-1)).toMatchObject({ type: 'more', total: 201 });
  });

  it('keeps a parsed __proto__ key as an ordinary own key', () => {
    const rows = flattenJson(
      JSON.parse('{"__proto__":{"polluted":true}}'),
      new Set(['', '__proto__']),
    );
    expect(paths(rows)).toEqual(['', '__proto__', '__proto__.polluted']);
  });

  it('survives 10,000-deep nesting without recursion', () => {
    const deep = nested(10_000);
    // Every level open: '', 'a', 'a.a', ...
    const expanded = new Set<string>();
    let path = '';
    for (let i = 0; i < 10_000; i++) {
      expanded.add(path);
      path = childPath(path, 'a');
    }
    const rows = flattenJson(deep, expanded);
    expect(rows).toHaveLength(10_001);
    expect(rows.at(-1)).toMatchObject({ depth: 10_000, kind: 'string', text: 'bottom' });
  });
});

describe('expandedPaths', () => {
  it('opens the root and containers down to depth 2 by default', () => {
    const open = expandedPaths(record, DEFAULT_EXPAND_LEVELS);
    expect([...open].sort()).toEqual([
      '',
      'requestParameters',
      'requestParameters.nested',
      'resources',
      'resources[0]',
      'tags',
    ]);
  });

  it('stops Expand all at its depth cap on hostile nesting', () => {
    const open = expandedPaths(nested(10_000), EXPAND_ALL_LEVELS);
    expect(open.size).toBe(EXPAND_ALL_LEVELS);
    const rows = flattenJson(nested(10_000), open);
    expect(rows).toHaveLength(EXPAND_ALL_LEVELS + 1);
    expect(rows.at(-1)).toMatchObject({
      depth: EXPAND_ALL_LEVELS,
      kind: 'object',
      expanded: false,
    });
  });

  it('stops opening containers near the row budget', () => {
    const wide = Array.from({ length: 100 }, () => ({ a: 1, b: 2, c: 3 }));
    const open = expandedPaths(wide, EXPAND_ALL_LEVELS, new Set(), 150);
    // Root adds 100 rows, then each item 3 more while the budget of 150 lasts.
    expect(open.size).toBe(1 + 16);
    expect(flattenJson(wide, open).length).toBeLessThanOrEqual(150);
  });
});

describe('leafValue and copyText', () => {
  it('copies leaves raw and containers as indented JSON', () => {
    expect(copyText('a "b"')).toBe('a "b"');
    expect(copyText(null)).toBe('null');
    expect(copyText(12.5)).toBe('12.5');
    expect(copyText({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(leafValue('')).toBe('');
    expect(leafValue(null)).toBeNull();
    expect(leafValue({})).toBeUndefined();
  });
});

describe('treeKeyAction', () => {
  const rows = flattenJson(record, new Set(['', 'resources']));
  const at = (path: string) => rows.findIndex((r) => r.type === 'node' && r.path === path);

  it('moves with the arrows, Home and End, staying inside the list', () => {
    expect(treeKeyAction(rows, 0, 'ArrowDown')).toEqual({ focus: 1 });
    expect(treeKeyAction(rows, 0, 'ArrowUp')).toEqual({ focus: 0 });
    expect(treeKeyAction(rows, 3, 'Home')).toEqual({ focus: 0 });
    expect(treeKeyAction(rows, 0, 'End')).toEqual({ focus: rows.length - 1 });
    expect(treeKeyAction(rows, rows.length - 1, 'ArrowDown')).toEqual({ focus: rows.length - 1 });
    expect(treeKeyAction(rows, 0, 'a')).toBeUndefined();
  });

  it('opens and closes with Right and Left, and steps out to the parent', () => {
    expect(treeKeyAction(rows, at('requestParameters'), 'ArrowRight')).toEqual({
      toggle: 'requestParameters',
    });
    expect(treeKeyAction(rows, at('resources'), 'ArrowRight')).toEqual({
      focus: at('resources[0]'),
    });
    expect(treeKeyAction(rows, at('resources'), 'ArrowLeft')).toEqual({ toggle: 'resources' });
    expect(treeKeyAction(rows, at('resources[0]'), 'ArrowLeft')).toEqual({
      focus: at('resources'),
    });
    expect(treeKeyAction(rows, at('eventName'), 'ArrowRight')).toBeUndefined();
  });
});
