import { describe, expect, it } from 'vitest';
import { recordHasText, textMatcher } from './recordValues';

describe('textMatcher', () => {
  it('matches whole words case-insensitively, with * opening an edge', () => {
    const admin = textMatcher('admin', false, false);
    expect(admin('role/Admin')).toBe(true);
    expect(admin('Administrator')).toBe(false);
    expect(admin('SuperAdmin')).toBe(false);
    expect(textMatcher('admin', false, true)('Administrator')).toBe(true);
    expect(textMatcher('admin', true, false)('SuperAdmin')).toBe(true);
    expect(textMatcher('10.8.8.10', false, false)('10.8.8.10')).toBe(true);
    expect(textMatcher('10.8.8.10', false, false)('110.8.8.101')).toBe(false);
    expect(textMatcher('a.b*c(d)', false, false)('x a.b*c(d) y')).toBe(true);
    expect(textMatcher('/admin', false, false)('role/admin')).toBe(true);
    expect(textMatcher('café', false, false)('Un CAFÉ noir')).toBe(true);
    expect(textMatcher('éte', false, false)('été')).toBe(false);
  });

  it('searches keys and scalar values, however deep', () => {
    let deep: unknown = 'needle';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(recordHasText({ a: deep }, textMatcher('needle', false, false))).toBe(true);
    expect(recordHasText({ NeedleKey: 1 }, textMatcher('needlekey', false, false))).toBe(true);
    expect(recordHasText({ n: 1.5e9 }, textMatcher('1500000000', false, false))).toBe(true);
    expect(recordHasText({ b: false }, textMatcher('FALSE', false, false))).toBe(true);
  });
});
