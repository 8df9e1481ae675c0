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

  it('reads the ISO 8601 forms that exist, by arithmetic', () => {
    const cases: [string, number][] = [
      ['2024-02-29T23:59:59Z', Date.UTC(2024, 1, 29, 23, 59, 59)],
      ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
      ['1970-01-01T00:00:00Z', 0],
      ['9999-12-31T23:59:59Z', Date.UTC(9999, 11, 31, 23, 59, 59)],
      ['0050-01-01T00:00:00Z', new Date(0).setUTCFullYear(50, 0, 1)],
      ['2024-01-01T00:00:00.123Z', Date.UTC(2024, 0, 1, 0, 0, 0, 123)],
      ['2024-01-01T00:00:00.123456Z', Date.UTC(2024, 0, 1, 0, 0, 0, 123)],
      ['2024-01-01T00:00:00+02:00', Date.UTC(2023, 11, 31, 22)],
      ['2024-01-01T00:00:00-0130', Date.UTC(2024, 0, 1, 1, 30)],
      ['2024-01-01 00:00:00.000', Date.UTC(2024, 0, 1)],
      ['2024-01-01T12:30Z', Date.UTC(2024, 0, 1, 12, 30)],
      ['2024-01-01', Date.UTC(2024, 0, 1)],
    ];
    for (const [t, ms] of cases) expect(parseUtcTime(t), t).toBe(ms);
  });

  it('rejects times that do not exist, which V8 rolls over and Firefox refuses', () => {
    const cases = [
      '2023-02-30T00:00:00Z',
      '2023-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2024-04-31T12:00:00Z',
      '2024-06-31T00:00:00.500Z',
      '2023-02-29T00:00:00+01:00',
      '2024-01-01T24:00:00Z',
      '2024-01-01T23:60:00Z',
      '2024-01-01T23:59:60Z',
      '2024-00-10T00:00:00Z',
      '2024-13-10T00:00:00Z',
      '2024-01-00T00:00:00Z',
      '2024-01-32T00:00:00Z',
      '2024-01-01T00:00:00+24:00',
      '2024-01-01T00:00:00+01:60',
      '2024-1a-01T00:00:00Z',
      '2024-01-01T0:00:000Z',
      '２０２４-01-01T00:00:00Z',
      'Mon, 01 Jan 2024 00:00:00 GMT',
      '',
      'yesterday',
    ];
    for (const t of cases) expect(parseUtcTime(t), t).toBeNaN();
    // What V8 does with the first (the leniency this must not inherit).
    expect(new Date(Date.parse('2023-02-30T00:00:00Z')).toISOString()).toBe(
      '2023-03-02T00:00:00.000Z',
    );
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
