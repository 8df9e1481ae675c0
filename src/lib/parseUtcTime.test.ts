import { describe, expect, it } from 'vitest';
import { recordsIn, SAMPLE } from '../../test/sampleRecords';
import { seededRandom } from '../../test/seededRandom';
import { parseUtcTime } from './parseUtcTime';

describe('parseUtcTime', () => {
  it('agrees with Date.parse on every eventTime of the real samples', () => {
    const times = [SAMPLE.snitchOrg, SAMPLE.snitchAccount, SAMPLE.invictusSg, SAMPLE.invictusTrail]
      .flatMap((path) => recordsIn(path))
      .map((r) => r['eventTime'])
      .filter((t): t is string => typeof t === 'string');
    expect(times.length).toBeGreaterThan(100);
    for (const t of times) expect(parseUtcTime(t), t).toBe(Date.parse(t));
  });

  it('agrees with Date.parse at the edges and on malformed text', () => {
    const cases = [
      '2024-02-29T23:59:59Z',
      '2023-02-29T00:00:00Z',
      '2024-04-31T12:00:00Z',
      '2024-01-01T24:00:00Z',
      '2024-01-01T23:60:00Z',
      '2024-01-01T23:59:60Z',
      '2024-00-10T00:00:00Z',
      '2024-13-10T00:00:00Z',
      '2024-01-00T00:00:00Z',
      '2024-01-32T00:00:00Z',
      '0050-01-01T00:00:00Z',
      '1970-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
      '2024-01-01T00:00:00.123Z',
      '2024-01-01T00:00:00+02:00',
      '2024-01-01 00:00:00Z',
      '2024-1a-01T00:00:00Z',
      '2024-01-01T0:00:000Z',
      '２０２４-01-01T00:00:00Z',
      '',
      'yesterday',
    ];
    for (const t of cases) expect(parseUtcTime(t), t).toBe(Date.parse(t));
  });

  it('agrees with Date.parse on random times across the years', () => {
    const random = seededRandom(20260115);
    const years = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const t = new Date(Math.floor(random() * 4e12)).toISOString().replace(/\.\d{3}Z$/, 'Z');
      years.add(t.slice(0, 4));
      expect(parseUtcTime(t), t).toBe(Date.parse(t));
    }
    // 1970 to 2096: the samples must spread over the years, leap years and all.
    expect(years.size).toBeGreaterThan(120);
  });
});
