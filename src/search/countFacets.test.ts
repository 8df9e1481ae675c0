import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test/seededRandom';
import type { EventFields } from '../cloudtrail/types';
import { encodeFileChunk } from '../index/encodeFileChunk';
import { EventIndex } from '../index/EventIndex';
import { rowView } from '../index/readRows';
import { countFacets } from './countFacets';

const random = seededRandom(3);
const pick = (n: number) => Math.floor(random() ** 2 * n);

function event(i: number): EventFields {
  return {
    eventID: `id-${i}`,
    eventTime: i,
    eventName: `Op${pick(40)}`,
    eventSource: 's3.amazonaws.com',
    awsRegion: ['us-east-1', 'eu-west-1', 'ap-south-1'][pick(3)] ?? '',
    errorCode: random() < 0.1 ? 'AccessDenied' : '',
    sourceIPAddress: `10.0.0.${pick(30)}`,
    userAgent: 'aws-cli/2',
    readOnly: 'true',
    recipientAccountId: '111122223333',
    eventCategory: 'Management',
    eventType: 'AwsApiCall',
    identityType: 'AssumedRole',
    issuedAccessKeyId: '',
    userName: `user-${pick(12)}`,
    accessKeyId: random() < 0.5 ? `ASIA${i}` : 'AKIASHARED',
    arn: '',
    principalId: '',
    resources: [],
  };
}

describe('countFacets', () => {
  it('gives each field the counts and order a plain sort of every row gives', () => {
    const events = Array.from({ length: 5000 }, (_, i) => event(i));
    const index = new EventIndex();
    const chunk = encodeFileChunk(
      events,
      events.map((_, i) => i),
    );
    index.applyChunk(chunk, 1, { duplicates: new Uint32Array(0), conflicts: new Uint32Array(0) });
    const rows = Uint32Array.from({ length: 3000 }, (_, k) => k * 1 + 1000);
    const facets = countFacets(index, rows, 7);
    const fields = [
      'eventName',
      'awsRegion',
      'sourceIPAddress',
      'userName',
      'accessKeyId',
    ] as const;
    for (const field of fields) {
      // The reference: count every row's value, sort by count, ties by first appearance in the index.
      const counts = new Map<string, number>();
      const first = new Map<string, number>();
      for (let row = 0; row < index.size; row++) {
        const v = rowView(index, row)[field];
        if (!first.has(v)) first.set(v, row);
      }
      for (const row of rows) {
        const v = rowView(index, row)[field];
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const expected = [...counts]
        .sort(
          (a, b) =>
            b[1] - a[1] + (b[1] === a[1] ? (first.get(a[0]) ?? 0) - (first.get(b[0]) ?? 0) : 0),
        )
        .slice(0, 7)
        .map(([value, count]) => ({ value, count }));
      const facet = facets.find((f) => f.field === field);
      expect(facet?.values).toEqual(expected);
      expect(facet?.distinct).toBe(counts.size);
    }
  });

  it('counts events, not resources: once per value, and "(none)" for events with no valued resource', () => {
    const res = (type: string, name: string) => ({ type, name });
    const events = [
      { ...event(0), resources: [res('AWS::KMS::Key', 'k1'), res('AWS::KMS::Key', 'k2')] },
      { ...event(1), resources: [res('AWS::KMS::Key', 'k1'), res('', 'k1')] },
      { ...event(2), resources: [res('', 'loose')] },
      { ...event(3), resources: [] },
    ];
    const index = new EventIndex();
    const chunk = encodeFileChunk(
      events,
      events.map((_, i) => i),
    );
    index.applyChunk(chunk, 1, { duplicates: new Uint32Array(0), conflicts: new Uint32Array(0) });
    const facets = countFacets(index, Uint32Array.of(0, 1, 2, 3), 10);
    expect(facets.find((f) => f.field === 'resourceType')?.values).toEqual([
      { value: '', count: 2 },
      { value: 'AWS::KMS::Key', count: 2 },
    ]);
    expect(facets.find((f) => f.field === 'resourceName')?.values).toEqual([
      { value: 'k1', count: 2 },
      { value: '', count: 1 },
      { value: 'k2', count: 1 },
      { value: 'loose', count: 1 },
    ]);
  });
});
