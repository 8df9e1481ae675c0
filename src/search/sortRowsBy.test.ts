import { describe, expect, it } from 'vitest';
import { indexOfEvents } from '../../test/indexOfEvents';
import { seededRandom } from '../../test/seededRandom';
import type { EventFields } from '../cloudtrail/types';
import { rowView } from '../index/readRows';
import { SORT_COLUMNS } from '../index/types';
import type { RowView, SortColumn } from '../index/types';
import { sortRowsBy } from './sortRowsBy';

const random = seededRandom(7);
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;

function event(i: number): EventFields {
  const resources = Array.from({ length: Math.floor(random() * 3) }, () => ({
    type: pick(['AWS::S3::Bucket', 'aws::s3::bucket', '', 'AWS::IAM::Role']),
    name: pick(['b', 'B', '', 'arn:aws:iam::1:role/x', 'Zeta']),
  }));
  return {
    eventID: `${pick(['a', 'B', 'c'])}-${i}`,
    // Many equal times: ties between equal values must fall back to time, not row.
    eventTime: Math.floor(i / 3) * 1000,
    eventName: pick(['GetObject', 'getObject', 'ListBuckets', 'AssumeRole', '', 'Ärger', 'zz']),
    eventSource: pick(['s3.amazonaws.com', 'iam.amazonaws.com', 'STS.amazonaws.com']),
    awsRegion: pick(['us-east-1', 'eu-west-1', 'ap-south-1']),
    errorCode: random() < 0.2 ? pick(['AccessDenied', 'accessdenied', 'NoSuchKey']) : '',
    sourceIPAddress: `10.0.0.${Math.floor(random() * 30)}`,
    userAgent: pick(['aws-cli/2', 'Boto3/1', 'console.amazonaws.com']),
    readOnly: pick(['true', 'false', '']),
    recipientAccountId: pick(['111122223333', '444455556666']),
    eventCategory: 'Management',
    eventType: 'AwsApiCall',
    identityType: pick(['AssumedRole', 'IAMUser', 'Root']),
    issuedAccessKeyId: '',
    userName: pick(['alice', 'Alice', 'bob', '', 'éva', 'Zed']),
    accessKeyId: pick(['ASIA1', 'AKIA2', 'asia3']),
    arn: '',
    principalId: '',
    resources,
  };
}

/** The table's text of a column for a row, as the cell shows it (the first valued resource). */
function cellText(v: RowView, by: SortColumn): string {
  if (by === 'resourceType') return v.resourceTypes.find((t) => t !== '') ?? '';
  if (by === 'resourceName') return v.resourceNames.find((t) => t !== '') ?? '';
  return v[by];
}

describe('sortRowsBy', () => {
  // Shuffled input order, so the index's rows are not already in time order.
  const events = Array.from({ length: 3000 }, (_, i) => event(i)).sort(() => random() - 0.5);
  const index = indexOfEvents(events);
  // A result: every other row of the time order.
  const result = index.sortedRows().filter((_, p) => p % 2 === 0);

  it.each(SORT_COLUMNS)('sorts by %s as a plain stable sort of the cell texts does', (by) => {
    const keys = new Map(Array.from(result, (row) => [row, cellText(rowView(index, row), by)]));
    const key = (row: number) => keys.get(row) ?? '';
    // The reference: a stable sort (time order kept among equals) by lower case, then exact text.
    const expected = [...result].sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      const [la, lb] = [ka.toLowerCase(), kb.toLowerCase()];
      if (la !== lb) return la < lb ? -1 : 1;
      return ka === kb ? 0 : ka < kb ? -1 : 1;
    });
    const sorted = sortRowsBy(index, result, by);
    expect(Array.from(sorted)).toEqual(expected);
    // Ties really happen (eventIDs are unique), so time order among equals is tested.
    if (by !== 'eventID') expect(new Set(keys.values()).size).toBeLessThan(result.length / 2);
  });

  it('leaves its input alone', () => {
    const copy = result.slice();
    sortRowsBy(index, result, 'eventName');
    expect(result).toEqual(copy);
  });
});
