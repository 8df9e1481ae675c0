import { describe, expect, it } from 'vitest';
import { record, recordsIn, SAMPLE } from '../../../test/sampleRecords';
import { comparePathOrder, comparePaths } from './comparePaths';
import { flattenPaths } from './flattenPaths';

// Three GetBucketAcl calls CloudTrail made on the trail bucket: same call, different requests.
const acls = recordsIn(SAMPLE.snitchOrg)
  .filter((r) => r['eventName'] === 'GetBucketAcl')
  .slice(0, 3);
const createBucket = record(SAMPLE.invictusTrail, '68c99c97-c191-4329-b210-82ca8631066d');

describe('comparePaths', () => {
  it('marks the paths whose values differ and only those', () => {
    expect(acls).toHaveLength(3);
    const rows = comparePaths(acls.map((r) => flattenPaths(r)));
    const differing = rows.filter((r) => r.differs).map((r) => r.path);
    expect(differing).toContain('eventID');
    expect(differing).toContain('requestID');
    expect(differing).toContain('additionalEventData["x-amz-id-2"]');
    expect(differing).not.toContain('eventName');
    expect(differing).not.toContain('requestParameters.bucketName');
    const eventID = rows.find((r) => r.path === 'eventID');
    expect(eventID?.values.map((v) => v?.text)).toEqual(acls.map((r) => r['eventID']));
  });

  it('takes the union of paths; a path missing from one event differs', () => {
    const rows = comparePaths([flattenPaths(acls[0]), flattenPaths(createBucket)]);
    const arn = rows.find((r) => r.path === 'resources[0].ARN');
    expect(arn?.differs).toBe(true);
    expect(arn?.values[1]).toBeUndefined();
    const userName = rows.find((r) => r.path === 'userIdentity.userName');
    expect(userName?.values[0]).toBeUndefined();
    expect(userName?.values[1]?.text).toBe('bert-jan');
    // Same value in both: not a difference.
    expect(rows.find((r) => r.path === 'eventSource')?.differs).toBe(false);
  });

  it('orders the console key fields first, then the rest alphabetically', () => {
    const paths = comparePaths([flattenPaths(createBucket), flattenPaths(acls[0])]).map(
      (r) => r.path,
    );
    const top = paths.map((p) => /^[^.[]*/.exec(p)?.[0] ?? '');
    const firstOf = (field: string) => top.indexOf(field);
    const keyOrder = [
      'eventTime',
      'eventName',
      'eventSource',
      'userIdentity',
      'sourceIPAddress',
      'userAgent',
      'requestParameters',
      'responseElements',
      'additionalEventData',
      'awsRegion',
      'eventCategory',
      'eventID',
      'eventType',
      'eventVersion',
    ];
    const positions = keyOrder.map(firstOf);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(paths[0]).toBe('eventTime');
    // Each group stays together.
    const groups = top.filter((t, i) => t !== top[i - 1]);
    expect(new Set(groups).size).toBe(groups.length);
    expect(paths.filter((p) => p.startsWith('userIdentity.'))).toEqual([
      'userIdentity.accessKeyId',
      'userIdentity.accountId',
      'userIdentity.arn',
      'userIdentity.invokedBy',
      'userIdentity.principalId',
      'userIdentity.type',
      'userIdentity.userName',
    ]);
  });

  it('sorts array indexes numerically and a parent before its children', () => {
    const a = flattenPaths({ r: Array.from({ length: 12 }, (_, i) => i), x: {} });
    const b = flattenPaths({ x: { y: 1 } });
    const paths = comparePaths([a, b]).map((r) => r.path);
    expect(paths.slice(0, 12)).toEqual(Array.from({ length: 12 }, (_, i) => `r[${i}]`));
    expect(paths.slice(12)).toEqual(['x', 'x.y']);
    expect(comparePathOrder(['errorMessage'], ['errorCode'])).toBeGreaterThan(0);
    expect(comparePathOrder(['zeta'], ['Alpha'])).toBeGreaterThan(0);
  });

  it('tells a string from a number that prints alike', () => {
    const rows = comparePaths([flattenPaths({ n: '12' }), flattenPaths({ n: 12 })]);
    expect(rows[0]?.differs).toBe(true);
  });

  it('an unread record shows nothing and does not make rows differ', () => {
    const rows = comparePaths([flattenPaths(acls[0]), undefined, flattenPaths(acls[0])]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.differs)).toBe(false);
    expect(rows.every((r) => r.values[1] === undefined)).toBe(true);
  });
});
