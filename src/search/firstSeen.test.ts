import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test/seededRandom';
import type { EventFields, EventResource } from '../cloudtrail/types';
import { encodeFileChunk } from '../index/encodeFileChunk';
import { EventIndex } from '../index/EventIndex';
import { INDEXED_FIELDS } from '../querylang/fields';
import { countFacets } from './countFacets';
import { facetValues } from './facetValues';
import { fieldCodes } from './fieldCodes';
import { SeenBefore, firstSeenCodes, rowsBefore, seenAmong } from './firstSeen';

const random = seededRandom(15);
const pick = (n: number) => Math.floor(random() ** 2 * n);
const T0 = Date.parse('2024-03-01T00:00:00Z');

/** Pools of values grow with time (`minute`), so a late range holds values no earlier event has. */
function event(i: number, time: number): EventFields {
  const grow = (n: number) => Math.floor(random() * (n + (time - T0) / 60_000 / 40));
  const resources: EventResource[] = Array.from({ length: pick(4) }, () => ({
    type: random() < 0.2 ? '' : `AWS::T::${grow(2)}`,
    name: random() < 0.2 ? '' : `arn:r:${grow(20)}`,
  }));
  return {
    eventID: `id-${i}`,
    eventTime: time,
    eventName: `Op${grow(10)}`,
    eventSource: 's3.amazonaws.com',
    awsRegion: ['us-east-1', 'eu-west-1', 'ap-south-1'][pick(3)] ?? '',
    errorCode: random() < 0.2 ? 'AccessDenied' : '',
    sourceIPAddress: `10.0.${pick(3)}.${grow(10)}`,
    userAgent: 'aws-cli/2',
    readOnly: 'true',
    recipientAccountId: '111122223333',
    eventCategory: 'Management',
    eventType: 'AwsApiCall',
    identityType: 'AssumedRole',
    issuedAccessKeyId: '',
    userName: random() < 0.1 ? '' : `user-${grow(10)}`,
    accessKeyId: random() < 0.3 ? `ASIA${i}` : 'AKIASHARED',
    arn: '',
    principalId: '',
    resources,
  };
}

/** Events at shuffled times (the index is not in time order), one a minute over 4,000 minutes. */
function build(): { index: EventIndex; events: EventFields[] } {
  const times = Array.from({ length: 4000 }, (_, i) => T0 + i * 60_000);
  for (let i = times.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [times[i], times[j]] = [times[j] ?? 0, times[i] ?? 0];
  }
  const events = times.map((t, i) => event(i, t));
  const index = new EventIndex();
  const chunk = encodeFileChunk(
    events,
    events.map((_, i) => i),
  );
  index.applyChunk(chunk, 1, { duplicates: new Uint32Array(0), conflicts: new Uint32Array(0) });
  return { index, events };
}

/** The values an event has for a field: a plain reading of its fields, empty values left out. */
function valuesOf(e: EventFields, field: string): string[] {
  if (field === 'resourceType') return e.resources.map((r) => r.type).filter((v) => v !== '');
  if (field === 'resourceName') return e.resources.map((r) => r.name).filter((v) => v !== '');
  const columns: Record<string, string> = {
    eventName: e.eventName,
    sourceIPAddress: e.sourceIPAddress,
    userName: e.userName,
    accessKeyId: e.accessKeyId,
    arn: '',
    principalId: '',
  };
  const v = columns[field] ?? '';
  return v === '' ? [] : [v];
}

const FIELDS = [
  'eventName',
  'sourceIPAddress',
  'userName',
  'accessKeyId',
  'resourceType',
  'resourceName',
];

describe('first-seen values', () => {
  const { index, events } = build();
  const from = T0 + 2500 * 60_000;
  const to = T0 + 2800 * 60_000;
  // The result: failed calls in [from, to), as a search would give them (any order serves).
  const withinRows = Uint32Array.from(
    events.flatMap((e, row) =>
      e.eventTime >= from && e.eventTime < to && e.errorCode !== '' ? [row] : [],
    ),
  );

  it.each(FIELDS)(
    '%s: marks exactly the values in the result that no earlier event has',
    (name) => {
      const before = new Set(
        events.filter((e) => e.eventTime < from).flatMap((e) => valuesOf(e, name)),
      );
      const within = new Set(
        [...withinRows].flatMap((row) =>
          events[row] === undefined ? [] : valuesOf(events[row], name),
        ),
      );
      const expected = [...within].filter((v) => !before.has(v)).sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(within.size).toBeGreaterThan(expected.length);

      const field = INDEXED_FIELDS.find((f) => f.name === name);
      const fc = field === undefined ? undefined : fieldCodes(index, field);
      if (fc === undefined) throw new Error(`no codes for ${name}`);
      const earlier = rowsBefore(index, from);
      if (earlier === undefined) throw new Error('no rows before');
      expect(earlier.length).toBe(2500);
      const marks = firstSeenCodes(fc, earlier, withinRows);
      const got = [...marks].flatMap((m, c) => (m === 1 ? [fc.dict?.get(c) ?? ''] : [])).sort();
      expect(got).toEqual(expected);

      // The sidebar's facets and the full list mark the same values.
      const facet = countFacets(index, withinRows, 1e6, seenAmong(earlier)).find(
        (f) => f.field === name,
      );
      const facetNew = (facet?.values ?? []).filter((v) => v.firstSeen).map((v) => v.value);
      expect(facetNew.sort()).toEqual(expected);
      const list = facetValues(index, withinRows, name, '', 1e6, new SeenBefore().of(index, from));
      expect(
        (list?.values ?? [])
          .filter((v) => v.firstSeen)
          .map((v) => v.value)
          .sort(),
      ).toEqual(expected);
    },
  );

  it('marks nothing without a range start, or when no event precedes it', () => {
    expect(rowsBefore(index, undefined)).toBeUndefined();
    expect(rowsBefore(index, T0)).toBeUndefined();
    expect(rowsBefore(index, T0 + 1)?.length).toBe(1);
    const facets = countFacets(index, index.sortedRows(), 1e6, new SeenBefore().of(index, T0));
    expect(facets.flatMap((f) => f.values).some((v) => v.firstSeen)).toBe(false);
  });
});

describe('SeenBefore', () => {
  it('answers as a fresh computation after the range start changes or the index grows', () => {
    const { index } = build();
    const field = INDEXED_FIELDS.find((f) => f.name === 'userName');
    const fc = field === undefined ? undefined : fieldCodes(index, field);
    if (field === undefined || fc === undefined) throw new Error('no userName codes');
    const fresh = (from: number) => seenAmong(rowsBefore(index, from))(field, fc);
    const kept = new SeenBefore();
    const early = T0 + 100 * 60_000;
    const late = T0 + 3000 * 60_000;
    expect(kept.of(index, late)(field, fc)).toEqual(fresh(late));
    expect(kept.of(index, early)(field, fc)).toEqual(fresh(early));
    expect(fresh(early)).not.toEqual(fresh(late));
    // An event before the start with a value no earlier event had: the kept marks must see it.
    const added: EventFields = { ...event(9999, T0 + 30_000), userName: 'late-arrival' };
    const chunk = encodeFileChunk([added], [0]);
    index.applyChunk(chunk, 2, { duplicates: new Uint32Array(0), conflicts: new Uint32Array(0) });
    const grown = fieldCodes(index, field);
    if (grown === undefined) throw new Error('no userName codes');
    const marks = kept.of(index, early)(field, grown);
    expect(marks?.[grown.dict?.find('late-arrival') ?? 0]).toBe(1);
    expect(marks).toEqual(seenAmong(rowsBefore(index, early))(field, grown));
  });
});

describe('facetValues', () => {
  const { index, events } = build();
  const rows = index.sortedRows();

  it('lists every value containing the text, any case, most frequent first, with event counts', () => {
    const counts = new Map<string, number>();
    for (const e of events) {
      const v = e.sourceIPAddress;
      if (v.includes('10.0.1.')) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const list = facetValues(index, rows, 'ip', '10.0.1.', 1e6);
    expect(list?.field).toBe('sourceIPAddress');
    expect(list?.matching).toBe(counts.size);
    expect(list?.distinct).toBeGreaterThan(counts.size);
    expect(new Map(list?.values.map((v) => [v.value, v.count]))).toEqual(counts);
    const shown = list?.values.map((v) => v.count) ?? [];
    expect(shown).toEqual([...shown].sort((a, b) => b - a));

    const capped = facetValues(index, rows, 'sourceIPAddress', '10.0.1.', 5);
    expect(capped?.values).toEqual(list?.values.slice(0, 5));
    expect(capped?.matching).toBe(counts.size);
    expect(facetValues(index, rows, 'userName', 'USER-1', 1e6)?.values.length).toBeGreaterThan(1);
  });

  it('finds the empty value as "(none)", and has no list for eventID', () => {
    const none = events.filter((e) => e.userName === '').length;
    expect(facetValues(index, rows, 'userName', '(NONE', 10)?.values).toEqual([
      { value: '', count: none },
    ]);
    expect(facetValues(index, rows, 'eventID', '', 10)).toBeUndefined();
  });
});
