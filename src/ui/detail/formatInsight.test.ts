import { describe, expect, it } from 'vitest';
import { readInsightDetails } from '../../cloudtrail/readInsightDetails';
import { insightFixtureRecords } from '../../../test/insightFixture';
import {
  attributeLabel,
  formatMinutes,
  formatRate,
  formatRatio,
  insightTypeLabel,
  rateHint,
  rateUnit,
} from './formatInsight';
import { insightWindow } from './insightWindow';

describe('formatInsight', () => {
  it('names insight types and attributes, keeping unknown ones as written', () => {
    expect(insightTypeLabel('ApiCallRateInsight')).toBe('API call rate');
    expect(insightTypeLabel('ApiErrorRateInsight')).toBe('API error rate');
    expect(insightTypeLabel('SomethingNew')).toBe('SomethingNew');
    expect(rateUnit('ApiErrorRateInsight')).toBe('errors');
    expect(rateUnit('ApiCallRateInsight')).toBe('calls');
    expect(attributeLabel('userIdentityArn')).toBe('User identity ARN');
    expect(attributeLabel('resourceArn')).toBe('Resource ARN');
    expect(attributeLabel('other')).toBe('other');
  });

  it('writes rates with three significant digits and slow ones in larger units', () => {
    expect(formatRate(1.6)).toBe('1.6');
    expect(formatRate(9.82222e-5)).toBe('0.0000982');
    expect(formatRate(1234.5)).toBe('1,230');
    expect(formatRate(undefined)).toBe('—');
    expect(rateHint(1.6)).toBe('');
    expect(rateHint(0.05)).toBe('≈3 an hour');
    expect(rateHint(0.002)).toBe('≈2.9 a day');
    expect(rateHint(9.82222e-5)).toBe('≈0.99 a week');
    expect(rateHint(0)).toBe('');
  });

  it('gives the ratio to the baseline only when both are known and the baseline is not 0', () => {
    expect(formatRatio(5, 9.82222e-5)).toBe('×50,900');
    expect(formatRatio(5, 0)).toBe('');
    expect(formatRatio(undefined, 1)).toBe('');
  });

  it('writes minutes as days, hours and minutes', () => {
    expect(formatMinutes(5)).toBe('5 min');
    expect(formatMinutes(65)).toBe('1 h 5 min');
    expect(formatMinutes(10140)).toBe('7 d 1 h');
    expect(formatMinutes(10181)).toBe('7 d 1 h 41 min');
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(0.2)).toBe('< 1 min');
    expect(formatMinutes(undefined)).toBe('—');
    expect(formatMinutes(-3)).toBe('—');
  });
});

describe('insightWindow on the fixture', () => {
  const records = insightFixtureRecords('/CloudTrail-Insight/');
  const time = (r: Record<string, unknown>) => Date.parse(String(r['eventTime']));
  const details = records.map((r) => ({ r, d: readInsightDetails(r) }));

  it('spans from the Start record to the End record when both are there', () => {
    for (const { r, d } of details) {
      if (d === undefined) throw new Error('not an insight');
      const partners = details.filter((o) => o.r !== r && o.d?.sharedEventID === d.sharedEventID);
      const start = [r, ...partners.map((p) => p.r)].find(
        (x) => readInsightDetails(x)?.state === 'Start',
      );
      const end = [r, ...partners.map((p) => p.r)].find(
        (x) => readInsightDetails(x)?.state === 'End',
      );
      expect(
        insightWindow(
          d,
          time(r),
          partners.map((p) => time(p.r)),
        ),
      ).toEqual({ from: time(start ?? {}), to: time(end ?? {}), known: 'pair' });
    }
  });

  it("falls back on one record's insightDuration", () => {
    for (const { r, d } of details) {
      if (d === undefined) throw new Error('not an insight');
      const w = insightWindow(d, time(r), []);
      const span = (d.insightDuration ?? 0) * 60_000;
      expect(w).toEqual(
        d.state === 'End'
          ? { from: time(r) - span, to: time(r), known: 'end' }
          : { from: time(r), to: time(r) + span, known: 'start' },
      );
    }
    const first = details[0]?.d;
    if (first === undefined) throw new Error('no insight');
    expect(insightWindow({ ...first, insightDuration: undefined }, 0, [])).toBeUndefined();
  });
});
