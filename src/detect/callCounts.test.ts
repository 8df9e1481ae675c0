import { describe, expect, it } from 'vitest';
import { indexOfEvents } from '../../test/indexOfEvents';
import { extractEventFields, isRecordProblem } from '../cloudtrail/extractEventFields';
import { recordsIn } from '../../test/sampleRecords';
import { callCounts } from './callCounts';

describe('callCounts', () => {
  it('counts every call of the index, as a plain count of the records does', () => {
    const records = recordsIn(
      'invictus-aws/CloudTrail/218007301253_CloudTrail_us-east-1_20230710T1205Z_SjF3IkuNXJkoHyar.json',
    );
    const events = records.flatMap((r) => {
      const f = extractEventFields(r);
      return isRecordProblem(f) ? [] : [f];
    });
    const index = indexOfEvents(events);
    const expected = new Map<string, number>();
    for (const r of records) {
      const key = `${String(r['eventSource'])} ${String(r['eventName'])}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const got = new Map(callCounts(index).map((c) => [`${c.eventSource} ${c.eventName}`, c.count]));
    expect(expected.size).toBeGreaterThan(3);
    expect(got).toEqual(expected);
  });
});
